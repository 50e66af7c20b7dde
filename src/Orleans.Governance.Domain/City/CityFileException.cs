namespace Orleans.Governance.Domain.City;

/// <summary>A city file was refused; <see cref="Problems"/> names each bad entry and what is wrong.</summary>
public sealed class CityFileException(string source, IReadOnlyList<string> problems)
    : Exception($"{source} is not a valid city file:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

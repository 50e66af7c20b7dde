namespace Orleans.Governance.Domain.City;

/// <summary>A city file was refused; <see cref="Problems"/> names each bad entry and what is wrong.</summary>
[GenerateSerializer, Alias("gov.city-file-exception")]
public sealed class CityFileException : Exception
{
    public CityFileException(string source, IReadOnlyList<string> problems)
        : base($"{source} is not a valid city file:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
    {
        Problems = problems;
    }

    [Id(0)]
    public IReadOnlyList<string> Problems { get; private set; }
}

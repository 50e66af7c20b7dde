using System.ComponentModel.DataAnnotations;

namespace Orleans.Governance.Silo;

/// <summary>The host's options (section "Governance").</summary>
public sealed class GovernanceHostOptions
{
    public const string Section = "Governance";

    /// <summary>The city file loaded at start-up; relative paths are resolved against the working directory, then the program's folder.</summary>
    [Required]
    public string CityFile { get; set; } = "cities/sample.json";

    public string ResolveCityFile()
    {
        if (Path.IsPathRooted(CityFile) || File.Exists(CityFile))
        {
            return Path.GetFullPath(CityFile);
        }

        return Path.Combine(AppContext.BaseDirectory, CityFile);
    }
}

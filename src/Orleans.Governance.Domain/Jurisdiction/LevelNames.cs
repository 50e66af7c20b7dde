namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>
/// The one place that names a <see cref="Level"/>: its key in city files, scenarios, the
/// simulator's JSON and command line, and the words the reports show for it.
/// </summary>
public static class LevelNames
{
    private static readonly string[] s_keys = ["grid", "village", "township", "county", "city"];
    private static readonly string[] s_chinese = ["网格", "村（社区）", "乡镇（街道）", "县（区）", "市"];

    /// <summary>Every level, lowest first.</summary>
    public static IReadOnlyList<Level> All { get; } = Enum.GetValues<Level>();

    /// <summary>How a level is written in files, JSON keys and on the command line: grid, village, township, county, city.</summary>
    public static string Key(Level level) => s_keys[(int)level];

    public static string Chinese(Level level) => s_chinese[(int)level];

    /// <summary>The English words are the keys.</summary>
    public static string English(Level level) => Key(level);

    /// <summary>The level written as <paramref name="text"/> (its key; in any case with <paramref name="ignoreCase"/>, as city files have always been read).</summary>
    public static bool TryParse(string? text, out Level level, bool ignoreCase = false)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var index = Array.FindIndex(s_keys, key => string.Equals(key, text, comparison));
        level = index < 0 ? default : (Level)index;
        return index >= 0;
    }

    /// <summary>The keys of <paramref name="levels"/> for a message: "grid, village, township, county or city".</summary>
    public static string Listed(IEnumerable<Level> levels)
    {
        var keys = levels.Select(Key).ToList();
        return keys.Count < 2 ? string.Concat(keys) : $"{string.Join(", ", keys[..^1])} or {keys[^1]}";
    }
}

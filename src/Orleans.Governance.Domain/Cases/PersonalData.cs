namespace Orleans.Governance.Domain.Cases;

/// <summary>Masking rules for the parties' personal data, as Chinese public platforms show it.</summary>
public static class PersonalData
{
    /// <summary>Keeps the surname: 张三丰 → 张**.</summary>
    public static string MaskName(string name) =>
        name.Length <= 1 ? "*" : string.Concat(name.AsSpan(0, 1), new string('*', name.Length - 1));

    /// <summary>Keeps the first three and last four digits: 13812345678 → 138****5678.</summary>
    public static string MaskPhone(string phone) => MaskMiddle(phone, 3, 4);

    /// <summary>Keeps the region prefix and the last four characters of an 18-character ID.</summary>
    public static string MaskIdNumber(string idNumber) => MaskMiddle(idNumber, 4, 4);

    private static string MaskMiddle(string value, int keepStart, int keepEnd) =>
        value.Length <= keepStart + keepEnd
            ? new string('*', value.Length)
            : string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - keepEnd), value.AsSpan(value.Length - keepEnd));
}

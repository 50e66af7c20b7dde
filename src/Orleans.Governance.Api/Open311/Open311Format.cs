namespace Orleans.Governance.Api.Open311;

/// <summary>The response format an Open311 path ends in (<c>.json</c> or <c>.xml</c>).</summary>
public enum Open311Format
{
    Json,
    Xml,
}

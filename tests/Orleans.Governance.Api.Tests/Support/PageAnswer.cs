namespace Orleans.Governance.Api.Tests.Support;

/// <summary>An answer of the API as the page received it.</summary>
public sealed record PageAnswer(string Url, int Status, string Body);

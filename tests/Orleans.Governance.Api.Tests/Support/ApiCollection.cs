namespace Orleans.Governance.Api.Tests.Support;

/// <summary>One silo host for all API tests: starting a silo and loading a city costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiHost>
{
    public const string Name = "api";
}

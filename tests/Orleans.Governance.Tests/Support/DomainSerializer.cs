using Microsoft.Extensions.DependencyInjection;
using Orleans.Governance.Domain.Cases;
using Orleans.Serialization;

namespace Orleans.Governance.Tests.Support;

/// <summary>Orleans' serializer with the domain's codecs, as the grain stores write state: for wire and round-trip tests without a silo.</summary>
public static class DomainSerializer
{
    public static Serializer Instance { get; } = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(AuditEntry).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();
}

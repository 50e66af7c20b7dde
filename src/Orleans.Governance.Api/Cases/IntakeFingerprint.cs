using System.Security.Cryptography;
using System.Text.Json;

namespace Orleans.Governance.Api.Cases;

/// <summary>What identifies an intake request's content, so that a reused idempotency key with another body is recognised.</summary>
public static class IntakeFingerprint
{
    public static string Of(string unitId, IntakeRequest request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { unitId, request })));
}

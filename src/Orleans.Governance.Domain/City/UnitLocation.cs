namespace Orleans.Governance.Domain.City;

/// <summary>Where a unit sits (WGS 84 degrees), so that a report with coordinates reaches the nearest grid.</summary>
[GenerateSerializer, Immutable, Alias("gov.unit-location")]
public sealed record UnitLocation
{
    /// <summary>Latitude, −90 to 90.</summary>
    [Id(0)] public double Lat { get; init; }

    /// <summary>Longitude, −180 to 180.</summary>
    [Id(1)] public double Long { get; init; }

    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public double DistanceKm(double lat, double @long)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat - Lat);
        var dLong = Radians(@long - Long);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(Lat)) * Math.Cos(Radians(lat)) * Math.Pow(Math.Sin(dLong / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Both coordinates are finite and within range.</summary>
    public static bool IsValid(double lat, double @long) =>
        double.IsFinite(lat) && double.IsFinite(@long) && lat is >= -90 and <= 90 && @long is >= -180 and <= 180;
}

using System.Text.Json;

namespace DiffNative.Tests.Support;

/// <summary>One input with erf, erfc and Φ correctly rounded from mpmath.</summary>
public sealed record ErfPoint(double X, double Erf, double Erfc, double NormalCdf);

/// <summary>The committed high-precision table TestData/erf.json (written by
/// TestData/generate_erf.py), read once.</summary>
public static class ErfReference
{
    private static readonly Lazy<IReadOnlyList<ErfPoint>> Table = new(Load);

    public static IReadOnlyList<ErfPoint> Points => Table.Value;

    private static IReadOnlyList<ErfPoint> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "erf.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("points").EnumerateArray()
            .Select(p => new ErfPoint(
                p.GetProperty("x").GetDouble(),
                p.GetProperty("erf").GetDouble(),
                p.GetProperty("erfc").GetDouble(),
                p.GetProperty("normalCdf").GetDouble()))
            .ToList();
    }
}

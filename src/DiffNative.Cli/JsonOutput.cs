using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiffNative.Cli;

/// <summary>Writes exactly one JSON object on stdout, camelCase, the shape scripts rely on.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // NaN and infinities are results too (a warning says why); JSON has no literal for them.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    internal static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}

using System.Globalization;
using System.Text.Json;

namespace DiffNative.Tests.Support;

/// <summary>TestData/activations.json: mpmath values of every activation, its derivative and
/// softmax / log-softmax (generate_activations.py).</summary>
public static class ActivationData
{
    public sealed record Point(double X, double Value, double Derivative, double? Scale);

    public sealed record SoftmaxCase(double[] X, double[] Softmax, double[] LogSoftmax);

    private static readonly Lazy<JsonDocument> Document = new(() => TestData.Load("activations.json"));

    /// <summary>The JSON name of each activation and the instance the data was computed for.</summary>
    public static readonly IReadOnlyDictionary<string, Activation> Activations = new Dictionary<string, Activation>
    {
        ["relu"] = Activation.Relu,
        ["leakyRelu"] = Activation.LeakyRelu(0.01),
        ["elu"] = Activation.Elu(0.5),
        ["selu"] = Activation.Selu,
        ["sigmoid"] = Activation.Sigmoid,
        ["tanh"] = Activation.Tanh,
        ["softplus"] = Activation.Softplus,
        ["silu"] = Activation.Silu,
        ["geluTanh"] = Activation.GeluTanh,
        ["gelu"] = Activation.Gelu,
    };

    private static readonly Lazy<JsonDocument> FloatDocument = new(() => TestData.Load("activations_float.json"));

    public static IReadOnlyList<Point> Points(string name) => Points(Document.Value, name);

    /// <summary>TestData/activations_float.json (generate_activations_float.py): the same functions at
    /// about 400 random floats each.</summary>
    public static IReadOnlyList<Point> FloatPoints(string name) => Points(FloatDocument.Value, name);

    private static IReadOnlyList<Point> Points(JsonDocument document, string name) =>
        document.RootElement.GetProperty("activations").GetProperty(name).EnumerateArray()
            .Select(p => new Point(Parse(p, "x"), Parse(p, "value"), Parse(p, "derivative"),
                p.TryGetProperty("scale", out var s) ? ParseText(s) : null))
            .ToList();

    public static IReadOnlyList<SoftmaxCase> SoftmaxCases() =>
        Document.Value.RootElement.GetProperty("softmax").EnumerateArray()
            .Select(c => new SoftmaxCase(Array(c, "x"), Array(c, "softmax"), Array(c, "logSoftmax")))
            .ToList();

    private static double[] Array(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(ParseText).ToArray();

    private static double Parse(JsonElement e, string name) => ParseText(e.GetProperty(name));

    // Python's repr: round-trip decimal, or inf / -inf.
    private static double ParseText(JsonElement e) => e.GetString() switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        var s => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}

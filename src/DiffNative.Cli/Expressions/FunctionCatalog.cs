using System.Numerics;

namespace DiffNative.Cli.Expressions;

/// <summary>The names the language reserves: its functions and its constants. Names are
/// case-sensitive.</summary>
internal static class FunctionCatalog
{
    /// <summary>In the order the help lists them.</summary>
    private static readonly MathFunction[] Listed =
    [
        MathFunction.Analytic("sin", "sine (radians)", Math.Sin, Complex.Sin),
        MathFunction.Analytic("cos", "cosine (radians)", Math.Cos, Complex.Cos),
        MathFunction.Analytic("tan", "tangent (radians)", Math.Tan, ComplexFunctions.Tan),
        MathFunction.Analytic("asin", "inverse sine, principal value", Math.Asin, Complex.Asin),
        MathFunction.Analytic("acos", "inverse cosine, principal value", Math.Acos, Complex.Acos),
        MathFunction.Analytic("atan", "inverse tangent, principal value", Math.Atan, ComplexFunctions.Atan),
        MathFunction.Analytic("sinh", "hyperbolic sine", Math.Sinh, Complex.Sinh),
        MathFunction.Analytic("cosh", "hyperbolic cosine", Math.Cosh, Complex.Cosh),
        MathFunction.Analytic("tanh", "hyperbolic tangent", Math.Tanh, ComplexFunctions.Tanh),
        MathFunction.Analytic("exp", "e to the power x", Math.Exp, Complex.Exp),
        MathFunction.Analytic("log", "natural logarithm", Math.Log, Complex.Log),
        MathFunction.Analytic("log10", "base-10 logarithm", Math.Log10, ComplexFunctions.Log10),
        MathFunction.Analytic("sqrt", "square root", Math.Sqrt, Complex.Sqrt),
        MathFunction.Analytic("cbrt", "real cube root: cbrt(-8) = -2", Math.Cbrt, ComplexFunctions.Cbrt),
        MathFunction.NotAnalytic("abs", "absolute value |x|", Math.Abs),
        MathFunction.RealOnly("erf", "error function", SpecialFunctions.Erf),
        MathFunction.Analytic("sigmoid", "1/(1 + e^-x), without overflow", RealFunctions.Sigmoid, ComplexFunctions.Sigmoid),
        MathFunction.Analytic("softplus", "log(1 + e^x), without overflow", RealFunctions.Softplus, ComplexFunctions.Softplus),
        MathFunction.NotAnalytic("relu", "max(0, x)", RealFunctions.Relu),
        MathFunction.RealOnly("gelu", "x·Φ(x), exact (erf) form", RealFunctions.Gelu),
    ];

    private static readonly Dictionary<string, MathFunction> Functions = Listed.ToDictionary(f => f.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, double> Constants = new(StringComparer.Ordinal)
    {
        ["pi"] = Math.PI,
        ["e"] = Math.E,
    };

    internal static IReadOnlyList<MathFunction> AllFunctions => Listed;

    /// <summary>Every constant and its value.</summary>
    internal static IEnumerable<KeyValuePair<string, double>> AllConstants => Constants;

    internal static bool TryGetFunction(string name, out MathFunction function) =>
        Functions.TryGetValue(name, out function!);

    internal static bool TryGetConstant(string name, out double value) => Constants.TryGetValue(name, out value);

    internal static bool IsConstant(string name) => Constants.ContainsKey(name);

    internal static bool IsFunction(string name) => Functions.ContainsKey(name);
}

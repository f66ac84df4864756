using System.Numerics;

namespace DiffNative.Cli.Expressions;

/// <summary>The names the language reserves: its functions and its constants. Names are
/// case-sensitive.</summary>
internal static class FunctionCatalog
{
    private static readonly Dictionary<string, MathFunction> Functions = new MathFunction[]
    {
        MathFunction.Analytic("sin", Math.Sin, Complex.Sin),
        MathFunction.Analytic("cos", Math.Cos, Complex.Cos),
        MathFunction.Analytic("tan", Math.Tan, ComplexFunctions.Tan),
        MathFunction.Analytic("asin", Math.Asin, Complex.Asin),
        MathFunction.Analytic("acos", Math.Acos, Complex.Acos),
        MathFunction.Analytic("atan", Math.Atan, ComplexFunctions.Atan),
        MathFunction.Analytic("sinh", Math.Sinh, Complex.Sinh),
        MathFunction.Analytic("cosh", Math.Cosh, Complex.Cosh),
        MathFunction.Analytic("tanh", Math.Tanh, ComplexFunctions.Tanh),
        MathFunction.Analytic("exp", Math.Exp, Complex.Exp),
        MathFunction.Analytic("log", Math.Log, Complex.Log),
        MathFunction.Analytic("log10", Math.Log10, ComplexFunctions.Log10),
        MathFunction.Analytic("sqrt", Math.Sqrt, Complex.Sqrt),
        MathFunction.Analytic("cbrt", Math.Cbrt, ComplexFunctions.Cbrt),
        MathFunction.NotAnalytic("abs", Math.Abs),
        MathFunction.RealOnly("erf", SpecialFunctions.Erf),
        MathFunction.Analytic("sigmoid", RealFunctions.Sigmoid, ComplexFunctions.Sigmoid),
        MathFunction.Analytic("softplus", RealFunctions.Softplus, ComplexFunctions.Softplus),
        MathFunction.NotAnalytic("relu", RealFunctions.Relu),
        MathFunction.RealOnly("gelu", RealFunctions.Gelu),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, double> Constants = new(StringComparer.Ordinal)
    {
        ["pi"] = Math.PI,
        ["e"] = Math.E,
    };

    internal static bool TryGetFunction(string name, out MathFunction function) =>
        Functions.TryGetValue(name, out function!);

    internal static bool TryGetConstant(string name, out double value) => Constants.TryGetValue(name, out value);

    internal static bool IsConstant(string name) => Constants.ContainsKey(name);

    internal static bool IsFunction(string name) => Functions.ContainsKey(name);
}

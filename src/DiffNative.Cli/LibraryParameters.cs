using System.Globalization;

namespace DiffNative.Cli;

/// <summary>Which option fed each library parameter, verb by verb, so that an ArgumentException
/// from the library reads as an error in what the user typed ("--max-iter 0: At least one
/// iteration.") rather than in the library's names ("(Parameter 'MaxIterations')").</summary>
internal static class LibraryParameters
{
    // Parameter names are the library's (ArgumentException.ParamName): method parameters and the
    // properties of DerivativeOptions, DifferentiationOptions and OptimizerOptions.
    private static readonly Dictionary<string, string> Differentiation = new(StringComparer.Ordinal)
    {
        ["x"] = "--at",
        ["Scheme"] = "--method",
        ["Accuracy"] = "--accuracy",
        ["Steps"] = "--step",
        ["outputs"] = "--expr",
    };

    private static readonly Dictionary<string, Dictionary<string, string>> ByVerb = new(StringComparer.Ordinal)
    {
        ["derive"] = new(StringComparer.Ordinal)
        {
            ["x"] = "--at",
            ["Order"] = "--order",
            ["Method"] = "--method",
            ["Accuracy"] = "--accuracy",
            ["Step"] = "--step",
        },
        ["gradient"] = Differentiation,
        ["hessian"] = Differentiation,
        ["jacobian"] = Differentiation,
        ["minimize"] = new(StringComparer.Ordinal)
        {
            ["x0"] = "--at",
            ["Method"] = "--method",
            ["LineSearch"] = "--method",
            ["LearningRate"] = "--learning-rate",
            ["MaxIterations"] = "--max-iter",
            ["GradientTolerance"] = "--gtol",
            ["TypicalValue"] = "--typical-value",
        },
        ["fit"] = new(StringComparer.Ordinal)
        {
            ["x0"] = "--at",
            ["outputs"] = "--expr",
            ["LowerBounds"] = "--lower",
            ["UpperBounds"] = "--upper",
            ["JacobianMethod"] = "--jacobian",
            ["MaxIterations"] = "--max-iter",
            ["FunctionTolerance"] = "--ftol",
            ["StepTolerance"] = "--xtol",
            ["GradientTolerance"] = "--gtol",
        },
        ["grid"] = new(StringComparer.Ordinal)
        {
            ["samples"] = "--y",
            ["coordinates"] = "--x",
            ["spacing"] = "--spacing",
            ["order"] = "--order",
            ["accuracy"] = "--accuracy",
            ["edgeOrder"] = "--numpy-edge-order",
        },
        ["plot"] = new(StringComparer.Ordinal)
        {
            ["x"] = "--at",
            ["TypicalScale"] = "--from/--to",
        },
        ["check"] = new(StringComparer.Ordinal)
        {
            ["isas"] = "--isa",
        },
    };

    /// <summary>The option that fed <paramref name="parameter"/> in <paramref name="verb"/>, or null.</summary>
    internal static string? OptionFor(string verb, string? parameter) =>
        parameter is not null && ByVerb.TryGetValue(verb, out var map) && map.TryGetValue(parameter, out var option) ? option : null;

    /// <summary>The exception's message in the option's name: "--max-iter 0: At least one
    /// iteration." Without a known option, the message as it is (it still names the parameter).</summary>
    internal static string Describe(string verb, ArgumentException e)
    {
        if (OptionFor(verb, e.ParamName) is not { } option)
            return e.Message;
        var text = e.Message;
        // .NET appends " (Parameter 'name')" and, for out-of-range values, the value on a new line.
        var suffix = text.IndexOf($" (Parameter '{e.ParamName}')", StringComparison.Ordinal);
        if (suffix >= 0) text = text[..suffix];
        var given = e is ArgumentOutOfRangeException { ActualValue: { } value }
            ? " " + Convert.ToString(value, CultureInfo.InvariantCulture)
            : "";
        return $"{option}{given}: {text}";
    }
}

using System.CommandLine;
using DiffNative.Cli.Expressions;
using DiffNative.Cli.Help;

namespace DiffNative.Cli.Commands;

/// <summary>The options the derive, gradient, hessian and jacobian verbs share, and their parsing
/// into the library's option records. Names are a contract with users' scripts.</summary>
internal sealed class DifferentiationArguments
{
    internal Option<string> Expression { get; } = new("--expr") { Description = $"The expression, such as \"x^2 + sin(x)\" ({ExpressionHelp.Pointer}).", Required = true };
    internal Option<string> At { get; } = new("--at") { Description = "Where to differentiate: comma-separated values, one per variable.", Required = true };
    internal Option<string> Method { get; }
    internal Option<int?> Accuracy { get; } = new("--accuracy") { Description = "Order of accuracy: central 2, 4, 6, 8; forward and backward 1 to 6 (default 2)." };
    internal Option<double?> Step { get; } = NumberOption.Create("--step", "A fixed step h (for adaptive, the first step).");
    internal Option<string> Backend { get; } = new("--backend") { Description = "native or managed: where the vector-wide arithmetic runs.", DefaultValueFactory = _ => "native" };
    internal Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object." };

    /// <param name="defaultMethod">What --method is when not given: adaptive for derive (the
    /// library's scalar default), central for the multivariate verbs.</param>
    internal DifferentiationArguments(string defaultMethod = "central") =>
        Method = new("--method")
        {
            Description = $"central, forward, backward, complex or adaptive (default {defaultMethod}).",
            DefaultValueFactory = _ => defaultMethod,
        };

    internal void AddTo(Command command)
    {
        command.Options.Add(Expression);
        command.Options.Add(At);
        command.Options.Add(Method);
        command.Options.Add(Accuracy);
        command.Options.Add(Step);
        command.Options.Add(Backend);
        command.Options.Add(Json);
    }

    internal static IReadOnlyList<string> ParseVariables(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new FormatException("--vars: give the variable names, comma-separated (e.g. --vars x,y).");
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(string.IsNullOrEmpty))
            throw new FormatException($"--vars: '{text}' has an empty name.");
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new FormatException($"--vars: '{text}' names a variable twice.");
        return CheckVariables(names, "--vars");
    }

    /// <summary>Checks variable names against the expression language's rules (identifiers, no
    /// constant or function names) here, so that the message names the option they came from.</summary>
    /// <exception cref="FormatException">A name is refused; the message starts with the option.</exception>
    internal static IReadOnlyList<string> CheckVariables(IReadOnlyList<string> names, string option)
    {
        try
        {
            return VariableNames.Validate(names);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{option}: {e.Message}", e);
        }
    }

    internal static double[] ParsePoint(string text, int count) => ParseValues(text, "--at", count, "variable");

    /// <summary>The comma-separated values of <paramref name="option"/>, exactly one per <paramref name="noun"/>.</summary>
    internal static double[] ParseValues(string text, string option, int count, string noun, bool allowInfinite = false)
    {
        var values = ValueList.ParseValues(text, option, allowInfinite);
        if (values.Length != count)
            throw new FormatException($"{option}: {values.Length} value{(values.Length == 1 ? "" : "s")} given for {count} {noun}{(count == 1 ? "" : "s")}.");
        return values;
    }

    internal static DerivativeMethod ParseMethod(string text) => text switch
    {
        "central" => DerivativeMethod.Central,
        "forward" => DerivativeMethod.Forward,
        "backward" => DerivativeMethod.Backward,
        "complex" => DerivativeMethod.Complex,
        "adaptive" => DerivativeMethod.Adaptive,
        _ => throw new FormatException($"--method: '{text}' is not one of central, forward, backward, complex, adaptive."),
    };

    internal static Backend ParseBackend(string text) => text switch
    {
        "native" => DiffNative.Backend.Native,
        "managed" => DiffNative.Backend.Managed,
        _ => throw new FormatException($"--backend: '{text}' is not native or managed."),
    };

    /// <summary>Options for gradients, Hessians and Jacobians; complex step is scalar-only.</summary>
    internal static DifferentiationOptions ToMultivariate(ParseResultValues v, int n)
    {
        var method = ParseMethod(v.Method);
        if (method == DerivativeMethod.Complex)
            throw new FormatException("--method complex applies to derive only; use central, forward, backward or adaptive.");
        var scheme = method switch
        {
            DerivativeMethod.Forward => DifferenceScheme.Forward,
            DerivativeMethod.Backward => DifferenceScheme.Backward,
            _ => DifferenceScheme.Central,
        };
        var accuracy = v.Accuracy ?? 2;
        if (!Stencils.IsSupportedAccuracy(scheme, accuracy))
            throw new FormatException($"--accuracy: {accuracy} is not offered for {v.Method} (central 2, 4, 6, 8; forward and backward 1 to 6).");
        return new DifferentiationOptions
        {
            Scheme = scheme,
            Accuracy = accuracy,
            Adaptive = method == DerivativeMethod.Adaptive,
            Steps = v.Step is { } h ? Enumerable.Repeat(CheckStep(h), n).ToArray() : ReadOnlyMemory<double>.Empty,
            Backend = ParseBackend(v.Backend),
        };
    }

    internal static double CheckStep(double h) =>
        double.IsFinite(h) && h > 0 ? h : throw new FormatException($"--step: {h} must be finite and positive.");

    /// <summary>A per-point function over the compiled expression, reusing one buffer (the CLI
    /// evaluates sequentially).</summary>
    internal static ScalarFunction ToScalarFunction(CompiledExpression expression)
    {
        var buffer = new double[expression.Variables.Count];
        var real = expression.Real;
        return x =>
        {
            x.CopyTo(buffer);
            return real(buffer);
        };
    }

    internal sealed record ParseResultValues(string Expression, string At, string Method, int? Accuracy, double? Step, string Backend, bool Json);

    internal ParseResultValues Read(ParseResult result) => new(
        result.GetValue(Expression)!, result.GetValue(At)!, result.GetValue(Method)!, result.GetValue(Accuracy),
        result.GetValue(Step), result.GetValue(Backend)!, result.GetValue(Json));

    /// <summary>The text the JSON "warning" field carries for a status other than Ok; null for Ok.</summary>
    internal static string? Warning(DerivativeStatus status) => status switch
    {
        DerivativeStatus.Ok => null,
        DerivativeStatus.NotDifferentiable => "not differentiable here: the slopes on the two sides disagree (a kink)",
        DerivativeStatus.NonFinite => "the function is not finite at or near the point",
        DerivativeStatus.NotConverged => "did not converge: the error estimate is large (adaptive), or the step is too long for the scale the function varies on (fixed step)",
        DerivativeStatus.RoundingLimited => "the differences are at the level of rounding in f (a step below the resolution of x, or f nearly flat over it); try a larger --step",
        DerivativeStatus.PatternMismatch => "the sparse result disagrees with a dense probe along a random direction: the sparsity pattern misses a nonzero",
        _ => status.ToString(),
    };
}

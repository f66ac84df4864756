using System.Numerics;

namespace DiffNative.Cli.Expressions;

/// <summary>One parsed expression, compiled to a delegate over real values, and on request over
/// complex values. Immutable and safe to share between threads.</summary>
internal sealed class CompiledExpression
{
    private readonly SyntaxNode _root;
    private Func<Complex[], Complex>? _complex;

    internal CompiledExpression(string text, IReadOnlyList<string> variables, SyntaxNode root)
    {
        Text = text;
        Variables = variables;
        _root = root;
        Real = RealTreeBuilder.Build(root).Compile();
    }

    /// <summary>The expression as written (without surrounding whitespace).</summary>
    internal string Text { get; }

    /// <summary>The variable names; the delegates read variable i from element i of their array.</summary>
    internal IReadOnlyList<string> Variables { get; }

    /// <summary>Evaluates the expression at the given values, one per variable, in order (the
    /// array must hold at least <see cref="Variables"/>.Count of them).</summary>
    internal Func<double[], double> Real { get; }

    /// <summary>The indices of the variables the expression reads, increasing.</summary>
    internal IReadOnlyList<int> UsedVariables => VariableUsage.Used(_root);

    /// <summary>The variables of each top-level additive term: only variables of one term can
    /// have a nonzero mixed second derivative.</summary>
    internal IReadOnlyList<int[]> TermVariables => VariableUsage.PerTerm(_root);

    /// <summary>The expression over complex values, for the complex-step method: on the real axis
    /// it agrees with <see cref="Real"/>, and Im f(x + ih)/h is the derivative. Compiled on the
    /// first call and kept.</summary>
    /// <exception cref="ExpressionException">The expression calls a function that is not analytic
    /// (abs, relu) or has no complex implementation (erf, gelu).</exception>
    internal Func<Complex[], Complex> CompileComplex() =>
        _complex ??= ComplexTreeBuilder.Build(_root).Compile();
}

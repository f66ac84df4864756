using DiffNative.Cli.Expressions;

namespace DiffNative.Cli.Commands;

/// <summary>Exact structural patterns of expressions for <c>--sparse</c>.</summary>
internal static class SparsePatterns
{
    /// <summary>Row k holds the variables expression k reads.</summary>
    internal static SparsityPattern Jacobian(IReadOnlyList<CompiledExpression> expressions, int n) =>
        SparsityPattern.FromEntries(expressions.Count, n,
            expressions.SelectMany((e, k) => e.UsedVariables.Select(i => (k, i))));

    /// <summary>Every pair of variables that meet in one additive term (conservative: a term such
    /// as x + y inside a sine still couples x and y), and the whole diagonal.</summary>
    internal static SparsityPattern Hessian(CompiledExpression expression, int n) =>
        SparsityPattern.FromEntries(n, n,
            expression.TermVariables.SelectMany(term => term.SelectMany(i => term.Select(j => (i, j))))
                .Concat(Enumerable.Range(0, n).Select(i => (i, i))));
}

namespace DiffNative;

/// <summary>Ridders' extrapolation applied entry by entry to a whole vector or matrix of estimates
/// computed on steps that shrink by <see cref="Shrink"/> per level: every entry keeps the
/// tableau value whose neighbours agree best, and that disagreement is its error estimate. Used by
/// the adaptive gradient, Jacobian and Hessian; the tableau arithmetic runs in the native core
/// (dn_richardson_level) or its managed reference.</summary>
internal static class VectorRichardson
{
    internal const double Shrink = 1.4;

    /// <summary>Adds the estimates of level <paramref name="level"/> (0-based), already written to
    /// current's first column. previous holds the last level's columns 0..level−1. Column j removes
    /// the error term h^(firstPower + (j−1)·powerStep): central stencils have even powers only
    /// (2, 2), a one-sided stencil of accuracy p every power from p (p, 1).</summary>
    internal static void Update(Backend backend, int count, int level, ReadOnlySpan<double> previous, Span<double> current,
        Span<double> best, Span<double> error, Span<double> bestLevel, int firstPower = 2, int powerStep = 2)
    {
        Span<double> denominators = stackalloc double[Math.Max(level, 1)];
        var factor = Math.Pow(Shrink, firstPower);
        var stepFactor = Math.Pow(Shrink, powerStep);
        for (var j = 0; j < level; j++, factor *= stepFactor)
            denominators[j] = factor - 1;
        DifferenceKernels.RichardsonLevel(backend, count, level, previous, current, denominators[..level], best, error, bestLevel);
    }
}

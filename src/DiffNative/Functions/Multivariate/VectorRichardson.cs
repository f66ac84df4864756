namespace DiffNative;

/// <summary>Ridders' extrapolation applied entry by entry to a whole vector or matrix of estimates
/// computed on steps that shrink by <see cref="Shrink"/> per level: every entry keeps the
/// tableau value whose neighbours agree best, and that disagreement is its error estimate. Used by
/// the adaptive gradient, Jacobian and Hessian.</summary>
internal static class VectorRichardson
{
    internal const double Shrink = 1.4;

    /// <summary>Adds the estimates of level <paramref name="level"/> (0-based). previous holds the
    /// last level's columns 0..level−1, current receives columns 0..level (N entries per column).
    /// Column j removes the error term h^(firstPower + (j−1)·powerStep): central stencils have
    /// even powers only (2, 2), a one-sided stencil of accuracy p every power from p (p, 1).</summary>
    internal static void Update(int level, ReadOnlySpan<double> estimate, ReadOnlySpan<double> previous, Span<double> current,
        Span<double> best, Span<double> error, Span<int> bestLevel, int firstPower = 2, int powerStep = 2)
    {
        var count = estimate.Length;
        estimate.CopyTo(current[..count]);
        if (level == 0)
        {
            estimate.CopyTo(best);
            error[..count].Fill(double.PositiveInfinity);
            bestLevel[..count].Clear();
            return;
        }
        var factor = Math.Pow(Shrink, firstPower);
        var stepFactor = Math.Pow(Shrink, powerStep);
        for (var j = 1; j <= level; j++)
        {
            var below = current.Slice((j - 1) * count, count);
            var left = previous.Slice((j - 1) * count, count);
            var column = current.Slice(j * count, count);
            var denominator = factor - 1;
            for (var e = 0; e < count; e++)
            {
                var c = below[e];
                var value = c + (c - left[e]) / denominator;
                column[e] = value;
                var difference = Math.Max(Math.Abs(value - c), Math.Abs(value - left[e]));
                if (difference <= error[e])
                {
                    error[e] = difference;
                    best[e] = value;
                    bestLevel[e] = level;
                }
            }
            factor *= stepFactor;
        }
    }
}

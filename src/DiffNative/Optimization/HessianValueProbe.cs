namespace DiffNative.Optimization;

/// <summary>The sparsity pattern of f's Hessian from values of f alone, a heuristic: at one point p
/// near x, the mixed difference f(p + hᵢeᵢ + hⱼeⱼ) − f(p + hᵢeᵢ) − f(p + hⱼeⱼ) + f(p) is exactly 0
/// in exact arithmetic wherever f is a sum of terms none of which reads both xᵢ and xⱼ, and about
/// hᵢhⱼ·∂²f/∂xᵢ∂xⱼ otherwise; (i, j) is kept when it is far above the rounding of the four values.
/// Costs 1 + n + n(n − 1)/2 evaluations, a quarter of one dense Hessian. NaN counts as nonzero.</summary>
internal static class HessianValueProbe
{
    /// <summary>The probe point lies within this fraction of max(|xᵢ|, 1) of x, so that a mixed
    /// derivative that happens to vanish at x itself is still seen.</summary>
    private const double Spread = 1e-3;

    /// <summary>hᵢ as a fraction of max(|pᵢ|, 1): large, so that a real coupling stands far above
    /// rounding, yet local.</summary>
    private const double RelativeStep = 1e-3;

    /// <summary>How many units of ε·(|f| summed over the four values) a mixed difference must exceed:
    /// the rounding of a sum of many terms reaches a few hundred ε of its magnitude.</summary>
    private const double NoiseMultiple = 1e4;

    private const double DoubleEpsilon = 2.220446049250313e-16;

    /// <summary>The symmetric pattern with its diagonal; <paramref name="evaluations"/> receives the calls of f made.</summary>
    internal static SparsityPattern Find(ScalarFunction f, ReadOnlySpan<double> x, CancellationToken cancellation, out int evaluations)
    {
        var n = x.Length;
        var random = new Random(0);
        var point = new double[n];
        var steps = new double[n];
        for (var i = 0; i < n; i++)
        {
            point[i] = x[i] + Spread * Math.Max(Math.Abs(x[i]), 1) * (2 * random.NextDouble() - 1);
            steps[i] = RelativeStep * Math.Max(Math.Abs(point[i]), 1);
        }
        var centre = f(point);
        var moved = new double[n];
        for (var i = 0; i < n; i++)
        {
            var original = point[i];
            point[i] = original + steps[i];
            moved[i] = f(point);
            point[i] = original;
        }
        evaluations = 1 + n;
        var entries = new List<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            entries.Add((i, i));
            cancellation.ThrowIfCancellationRequested();
            var originalI = point[i];
            point[i] = originalI + steps[i];
            for (var j = i + 1; j < n; j++)
            {
                var originalJ = point[j];
                point[j] = originalJ + steps[j];
                var both = f(point);
                point[j] = originalJ;
                evaluations++;
                var mixed = both - moved[i] - moved[j] + centre;
                var rounding = NoiseMultiple * DoubleEpsilon * (Math.Abs(both) + Math.Abs(moved[i]) + Math.Abs(moved[j]) + Math.Abs(centre));
                // Not <=, so that NaN on any side counts as a coupling (conservative).
                if (!(Math.Abs(mixed) <= rounding)) entries.Add((i, j));
            }
            point[i] = originalI;
        }
        return SparsityPattern.FromEntries(n, n, entries).Symmetrized();
    }
}

namespace DiffNative;

/// <summary>Sparsity patterns found by probing, a heuristic: at a few random points near x, each
/// coordinate in turn is moved by a small step and every output whose value changes at all is
/// marked as depending on it. An output that does not read a coordinate returns the same bits, so
/// nothing real is left out unless a dependence cancels at every probe point (a derivative that
/// vanishes there, or a change lost to rounding); spurious entries cannot arise. Costs
/// probes × (n + 1) evaluations. Prefer a pattern you know.</summary>
public static class SparsityProbe
{
    /// <summary>Probe points lie within this fraction of max(|xᵢ|, 1) of x, so that a derivative
    /// that happens to vanish at x itself is still seen.</summary>
    private const double Spread = 1e-3;

    /// <summary>The step per coordinate as a fraction of max(|pᵢ|, 1): large enough that a real
    /// dependence changes the value by far more than rounding.</summary>
    private const double RelativeStep = 1e-4;

    /// <summary>The pattern of f's Jacobian: (i, j) wherever output i changed when coordinate j moved.</summary>
    /// <param name="f">The function.</param>
    /// <param name="outputs">m, the number of values f writes.</param>
    /// <param name="x">Where the pattern is wanted; probe points lie near it.</param>
    /// <param name="probes">How many random points to probe (each n + 1 evaluations).</param>
    /// <param name="seed">Seeds the probe points, so a given call always finds the same pattern.</param>
    public static SparsityPattern Jacobian(VectorFunction f, int outputs, ReadOnlySpan<double> x, int probes = 3, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 1);
        Finite.RequirePoint(x);
        var n = x.Length;
        var random = new Random(seed);
        var point = new double[n];
        var centre = new double[outputs];
        var moved = new double[outputs];
        var entries = new List<(int, int)>();
        for (var probe = 0; probe < probes; probe++)
        {
            for (var i = 0; i < n; i++) point[i] = x[i] + Spread * Math.Max(Math.Abs(x[i]), 1) * (2 * random.NextDouble() - 1);
            // NaN first, so that an output f leaves unwritten counts as a change (conservative), not
            // as the value an earlier call left there.
            centre.AsSpan().Fill(double.NaN);
            f(point, centre);
            for (var j = 0; j < n; j++)
            {
                var original = point[j];
                point[j] = original + RelativeStep * Math.Max(Math.Abs(original), 1);
                moved.AsSpan().Fill(double.NaN);
                f(point, moved);
                point[j] = original;
                for (var i = 0; i < outputs; i++)
                    // Not ==, so that NaN on either side counts as a change (conservative).
                    if (!(moved[i] == centre[i])) entries.Add((i, j));
            }
        }
        return SparsityPattern.FromEntries(outputs, n, entries);
    }

    /// <summary>The pattern of a Hessian from its gradient: the probed Jacobian of the gradient,
    /// made symmetric with its diagonal, ready for <see cref="HessianColoring.Compute"/>.</summary>
    /// <param name="gradient">The gradient ∇f: writes n partial derivatives.</param>
    /// <param name="x">Where the pattern is wanted; probe points lie near it.</param>
    /// <param name="probes">How many random points to probe (each n + 1 gradient evaluations).</param>
    /// <param name="seed">Seeds the probe points.</param>
    public static SparsityPattern Hessian(VectorFunction gradient, ReadOnlySpan<double> x, int probes = 3, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return Jacobian(gradient, Math.Max(x.Length, 1), x, probes, seed).Symmetrized();
    }
}

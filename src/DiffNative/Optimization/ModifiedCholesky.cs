namespace DiffNative.Optimization;

/// <summary>Solves (H + τI)d = −g with the smallest τ of the sequence 0, β, 2β, 4β, … (Nocedal and
/// Wright, algorithm 3.3) for which the Cholesky factorisation succeeds, so that d is a descent
/// direction even where H is indefinite. β is 10⁻³ of the largest |Hᵢᵢ| (at least 10⁻³), so the
/// shift is in proportion to the Hessian.</summary>
internal sealed class ModifiedCholesky(int n)
{
    private readonly double[] factor = new double[n * n];

    /// <summary>The shift the last solve needed.</summary>
    internal double Shift { get; private set; }

    /// <summary>False when no shift up to 10⁶⁰·β made H + τI factorable (H not finite).</summary>
    internal bool SolveNewton(ReadOnlySpan<double> hessian, ReadOnlySpan<double> gradient, Span<double> direction)
    {
        double minDiagonal = double.PositiveInfinity, maxDiagonal = 0;
        for (var i = 0; i < n; i++)
        {
            minDiagonal = Math.Min(minDiagonal, hessian[i * n + i]);
            maxDiagonal = Math.Max(maxDiagonal, Math.Abs(hessian[i * n + i]));
        }
        var beta = 1e-3 * Math.Max(1.0, maxDiagonal);
        var tau = minDiagonal > 0 ? 0.0 : beta - minDiagonal;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (TryFactor(hessian, tau))
            {
                Shift = tau;
                Solve(gradient, direction);
                return true;
            }
            tau = Math.Max(2 * tau, beta);
        }
        return false;
    }

    /// <summary>Lower-triangular L with LLᵀ = H + τI; false at a pivot that is not positive.</summary>
    private bool TryFactor(ReadOnlySpan<double> h, double tau)
    {
        for (var j = 0; j < n; j++)
        {
            var pivot = h[j * n + j] + tau;
            for (var k = 0; k < j; k++) pivot -= factor[j * n + k] * factor[j * n + k];
            if (!(pivot > 0) || !double.IsFinite(pivot)) return false;
            var diagonal = Math.Sqrt(pivot);
            factor[j * n + j] = diagonal;
            for (var i = j + 1; i < n; i++)
            {
                var sum = h[i * n + j];
                for (var k = 0; k < j; k++) sum -= factor[i * n + k] * factor[j * n + k];
                factor[i * n + j] = sum / diagonal;
            }
        }
        return true;
    }

    /// <summary>d = −(LLᵀ)⁻¹g by forward then back substitution.</summary>
    private void Solve(ReadOnlySpan<double> g, Span<double> d)
    {
        for (var i = 0; i < n; i++)
        {
            var sum = -g[i];
            for (var k = 0; k < i; k++) sum -= factor[i * n + k] * d[k];
            d[i] = sum / factor[i * n + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = d[i];
            for (var k = i + 1; k < n; k++) sum -= factor[k * n + i] * d[k];
            d[i] = sum / factor[i * n + i];
        }
    }
}

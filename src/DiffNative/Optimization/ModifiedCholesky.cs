namespace DiffNative.Optimization;

/// <summary>Solves (H + τI)d = −g with the smallest τ of the sequence 0, β, 2β, 4β, … (Nocedal and
/// Wright, algorithm 3.3) for which the Cholesky factorisation succeeds, so that d is a descent
/// direction even where H is indefinite. β is 10⁻³ of the largest |Hᵢᵢ| (at least 10⁻³), so the
/// shift is in proportion to the Hessian.</summary>
internal sealed class ModifiedCholesky(int n)
{
    private readonly CholeskyFactor cholesky = new(n);

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
            if (cholesky.TryFactor(hessian, tau))
            {
                Shift = tau;
                cholesky.SolveNewton(gradient, direction);
                return true;
            }
            tau = Math.Max(2 * tau, beta);
        }
        return false;
    }
}

namespace DiffNative.Optimization;

/// <summary>The Cholesky factor L of H + σI (row-major, lower triangle) for a dense symmetric H, and
/// the solves with it: what both Newton methods need, line search and trust region alike. One
/// instance per minimisation owns the n×n buffer.</summary>
internal sealed class CholeskyFactor(int n)
{
    /// <summary>L, row-major; entries above the diagonal are not used.</summary>
    internal double[] L { get; } = new double[n * n];

    /// <summary>L with LLᵀ = H + σI; false at the first pivot that is not positive (or not finite).</summary>
    internal bool TryFactor(ReadOnlySpan<double> h, double shift) => TryFactor(h, shift, out _, out _);

    /// <summary>As <see cref="TryFactor(ReadOnlySpan{double}, double)"/>, and on failure the row where
    /// it failed and the pivot's value (what the diagonal lacked; −1 when it was not finite).</summary>
    internal bool TryFactor(ReadOnlySpan<double> h, double shift, out int failedAt, out double pivotValue)
    {
        var factor = L;
        for (var j = 0; j < n; j++)
        {
            var pivot = h[j * n + j] + shift;
            for (var k = 0; k < j; k++) pivot -= factor[j * n + k] * factor[j * n + k];
            if (!(pivot > 0) || !double.IsFinite(pivot))
            {
                failedAt = j;
                pivotValue = double.IsFinite(pivot) ? pivot : -1;
                return false;
            }
            var diagonal = Math.Sqrt(pivot);
            factor[j * n + j] = diagonal;
            for (var i = j + 1; i < n; i++)
            {
                var sum = h[i * n + j];
                for (var k = 0; k < j; k++) sum -= factor[i * n + k] * factor[j * n + k];
                factor[i * n + j] = sum / diagonal;
            }
        }
        failedAt = -1;
        pivotValue = 0;
        return true;
    }

    /// <summary>p = −(LLᵀ)⁻¹g: the Newton step of the factored matrix.</summary>
    internal void SolveNewton(ReadOnlySpan<double> g, Span<double> p)
    {
        for (var i = 0; i < n; i++) p[i] = -g[i];
        ForwardSubstitute(p, p);
        BackSubstitute(p);
    }

    /// <summary>y = L⁻¹b (y may be b).</summary>
    internal void ForwardSubstitute(ReadOnlySpan<double> b, Span<double> y)
    {
        var factor = L;
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++) sum -= factor[i * n + k] * y[k];
            y[i] = sum / factor[i * n + i];
        }
    }

    /// <summary>y ← L⁻ᵀy.</summary>
    internal void BackSubstitute(Span<double> y)
    {
        var factor = L;
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++) sum -= factor[k * n + i] * y[k];
            y[i] = sum / factor[i * n + i];
        }
    }
}

namespace DiffNative.Optimization;

/// <summary>Solves min ‖[J; √α D]p + [r; 0]‖ by Householder QR, so that the accuracy follows the
/// condition of J rather than of JᵀJ, and finds the Levenberg–Marquardt parameter α for which ‖Dp‖
/// lies within 10% of the trust-region radius Δ (Moré 1978, MINPACK's lmpar).</summary>
internal sealed class DampedStepSolver(int m, int n)
{
    // L = Rᵀ with a positive diagonal, so LLᵀ = JᵀJ + αD².
    private readonly double[] factor = new double[n * n];
    private readonly double[] work = new double[n];
    private readonly double[] augmented = new double[(m + n) * n];
    private readonly double[] rhs = new double[m + n];
    private double[] jacobian = [];
    private double[] residuals = [];

    /// <summary>The J and r the next solves use (kept, not copied).</summary>
    internal void Use(double[] jacobian, double[] residuals)
    {
        this.jacobian = jacobian;
        this.residuals = residuals;
    }

    /// <summary>p for the given α ≥ 0; false when [J; √α D] is rank-deficient in double precision.</summary>
    internal bool Solve(ReadOnlySpan<double> diag, double alpha, Span<double> step)
    {
        var rows = m + n;
        Array.Copy(jacobian, augmented, m * n);
        Array.Clear(augmented, m * n, n * n);
        var root = Math.Sqrt(alpha);
        for (var j = 0; j < n; j++) augmented[(m + j) * n + j] = root * diag[j];
        for (var k = 0; k < m; k++) rhs[k] = -residuals[k];
        Array.Clear(rhs, m, n);
        var largest = 0.0;
        for (var j = 0; j < n; j++)
        {
            var tail = 0.0;
            for (var k = j + 1; k < rows; k++) tail += augmented[k * n + j] * augmented[k * n + j];
            var norm = Math.Sqrt(augmented[j * n + j] * augmented[j * n + j] + tail);
            largest = Math.Max(largest, norm);
            // A column that is zero to rounding after the earlier reflections makes the system singular.
            if (!(norm > 1e-15 * largest) || !double.IsFinite(norm)) return false;
            var alphaJ = augmented[j * n + j] > 0 ? -norm : norm;
            var v0 = augmented[j * n + j] - alphaJ;
            augmented[j * n + j] = v0;
            var vNorm2 = v0 * v0 + tail;
            if (vNorm2 > 0)
            {
                for (var c = j + 1; c < n; c++) Reflect(j, c, vNorm2);
                var dot = 0.0;
                for (var k = j; k < rows; k++) dot += augmented[k * n + j] * rhs[k];
                var scale = 2 * dot / vNorm2;
                for (var k = j; k < rows; k++) rhs[k] -= scale * augmented[k * n + j];
            }
            augmented[j * n + j] = alphaJ;
            // Rᵀ into the lower factor, rows of R flipped so its diagonal is positive.
            var sign = alphaJ < 0 ? -1.0 : 1.0;
            factor[j * n + j] = sign * alphaJ;
            work[j] = sign * rhs[j];
        }
        for (var j = 0; j < n; j++)
        {
            var sign = augmented[j * n + j] < 0 ? -1.0 : 1.0;
            for (var c = j + 1; c < n; c++) factor[c * n + j] = sign * augmented[j * n + c];
        }
        for (var i = 0; i < n; i++) step[i] = work[i];
        BackSubstitute(step);
        return true;
    }

    /// <summary>Applies the reflection I − 2vvᵀ/‖v‖² held in column j (rows j..) to column c.</summary>
    private void Reflect(int j, int c, double vNorm2)
    {
        var dot = 0.0;
        for (var k = j; k < m + n; k++) dot += augmented[k * n + j] * augmented[k * n + c];
        var scale = 2 * dot / vNorm2;
        for (var k = j; k < m + n; k++) augmented[k * n + c] -= scale * augmented[k * n + j];
    }

    /// <summary>The parameter α ≥ 0 and its step p: α = 0 when the Gauss–Newton step fits in the
    /// region, otherwise ‖Dp‖ within 10% of Δ after at most ten safeguarded Newton iterations on
    /// φ(α) = ‖Dp(α)‖ − Δ. <paramref name="alpha"/> holds the previous α as the first guess.</summary>
    internal void FindParameter(ReadOnlySpan<double> diag, ReadOnlySpan<double> gradient, double delta, ref double alpha, Span<double> step)
    {
        var lower = 0.0;
        if (Solve(diag, 0, step) && AllFinite(step))
        {
            var phi = ScaledNorm(step, diag) - delta;
            if (phi <= 0.1 * delta)
            {
                alpha = 0;
                return;
            }
            lower = Math.Max(0, -phi / Derivative(step, diag, phi + delta));
        }
        var gradientNorm = 0.0;
        for (var i = 0; i < n; i++) gradientNorm += gradient[i] / diag[i] * (gradient[i] / diag[i]);
        var upper = Math.Sqrt(gradientNorm) / delta;
        if (upper == 0) upper = double.Epsilon / Math.Min(delta, 0.1);
        alpha = Math.Clamp(alpha, lower, upper);
        if (alpha == 0) alpha = Math.Max(1e-3 * upper, Math.Sqrt(lower * upper));
        var previousPhi = double.NaN;
        for (var iteration = 0; iteration < 10; iteration++)
        {
            if (!(alpha > 0)) alpha = Math.Max(1e-3 * upper, Math.Sqrt(lower * upper));
            if (!Solve(diag, alpha, step))
            {
                // A failed factorisation with α > 0 is rounding in a near-singular JᵀJ: more damping cures it.
                lower = alpha;
                alpha = Math.Min(10 * alpha, upper);
                continue;
            }
            var norm = ScaledNorm(step, diag);
            var phi = norm - delta;
            // With no lower bound, a φ that is negative and no longer rising means the step is as long as it will get.
            if (Math.Abs(phi) <= 0.1 * delta || (lower == 0 && phi <= previousPhi && previousPhi < 0)) return;
            previousPhi = phi;
            var slope = Derivative(step, diag, norm);
            if (phi > 0) lower = Math.Max(lower, alpha);
            if (phi < 0) upper = Math.Min(upper, alpha);
            alpha = Math.Max(lower, alpha - (phi + delta) / delta * (phi / slope));
        }
    }

    /// <summary>φ'(α) = −‖L⁻¹D²p‖²/‖Dp‖ with LLᵀ the current factor.</summary>
    private double Derivative(ReadOnlySpan<double> step, ReadOnlySpan<double> diag, double norm)
    {
        for (var i = 0; i < n; i++) work[i] = diag[i] * diag[i] * step[i] / norm;
        ForwardSubstitute(work);
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += work[i] * work[i];
        return -norm * sum;
    }

    internal static double ScaledNorm(ReadOnlySpan<double> v, ReadOnlySpan<double> diag)
    {
        var sum = 0.0;
        for (var i = 0; i < v.Length; i++) sum += diag[i] * v[i] * (diag[i] * v[i]);
        return Math.Sqrt(sum);
    }

    private static bool AllFinite(ReadOnlySpan<double> v)
    {
        foreach (var value in v)
            if (!double.IsFinite(value)) return false;
        return true;
    }

    private void ForwardSubstitute(Span<double> v)
    {
        for (var i = 0; i < n; i++)
        {
            var sum = v[i];
            for (var k = 0; k < i; k++) sum -= factor[i * n + k] * v[k];
            v[i] = sum / factor[i * n + i];
        }
    }

    private void BackSubstitute(Span<double> v)
    {
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = v[i];
            for (var k = i + 1; k < n; k++) sum -= factor[k * n + i] * v[k];
            v[i] = sum / factor[i * n + i];
        }
    }

    /// <summary>(JᵀJ)⁻¹ for the J of <see cref="Use"/>, or false when J is rank-deficient.</summary>
    internal bool Invert(Span<double> inverse)
    {
        Span<double> ones = n <= 256 ? stackalloc double[n] : new double[n];
        ones.Fill(1);
        Span<double> unused = n <= 256 ? stackalloc double[n] : new double[n];
        if (!Solve(ones, 0, unused)) return false;
        for (var j = 0; j < n; j++)
        {
            work.AsSpan().Clear();
            work[j] = 1;
            ForwardSubstitute(work);
            BackSubstitute(work);
            for (var i = 0; i < n; i++) inverse[i * n + j] = work[i];
        }
        return true;
    }
}

namespace DiffNative.Optimization;

/// <summary>Minimises the model m(p) = gᵀp + ½pᵀHp over ‖p‖ ≤ Δ by the method of Moré and Sorensen
/// (1983; Nocedal and Wright, algorithm 4.3): p solves (H + λI)p = −g with the Cholesky factor of
/// H + λI, and λ ≥ 0 is found by Newton's method on the secular equation 1/Δ − 1/‖p(λ)‖ = 0, kept
/// inside bounds that every failed factorisation raises. In the hard case (g nearly orthogonal to
/// the eigenvectors of H's smallest eigenvalue) the step is completed to the boundary along an
/// approximate eigenvector. One instance per minimisation owns its buffers.</summary>
internal sealed class TrustRegionSubproblem(int n)
{
    /// <summary>An interior-to-boundary step is accepted when ‖p‖ is within this fraction of Δ
    /// (Moré and Sorensen's σ₁ = 0.1).</summary>
    private const double BoundaryTolerance = 0.1;

    /// <summary>The hard-case step is accepted when the move along the eigenvector changes the
    /// model by at most this fraction of its value (Moré and Sorensen's σ₂ = 0.2).</summary>
    private const double HardCaseTolerance = 0.2;

    /// <summary>After an unusable λ, the next lies at least this fraction of the bracket above its
    /// lower end, so that the bracket shrinks even when the bounds are far apart.</summary>
    private const double BracketFraction = 0.01;

    /// <summary>More λ updates than Moré and Sorensen ever report needing (2–3 on average).</summary>
    private const int MaxUpdates = 100;

    private readonly CholeskyFactor cholesky = new(n);
    private readonly double[] w = new double[n];
    private readonly double[] z = new double[n];

    /// <summary>Writes the step into <paramref name="p"/>; false when H or g is not finite.</summary>
    /// <param name="hessian">H, row-major, symmetric.</param>
    /// <param name="gradient">g.</param>
    /// <param name="radius">Δ &gt; 0.</param>
    /// <param name="p">Receives the step.</param>
    /// <param name="onBoundary">True when ‖p‖ ≈ Δ (the region limited the step).</param>
    internal bool Solve(ReadOnlySpan<double> hessian, ReadOnlySpan<double> gradient, double radius, Span<double> p, out bool onBoundary)
    {
        onBoundary = false;
        if (!Vectors.AllFinite(hessian) || !Vectors.AllFinite(gradient)) return false;
        var gNorm = Math.Sqrt(Vectors.Dot(gradient, gradient));
        var (lower, upper) = InitialBracket(hessian, gNorm, radius);
        var lambda = lower == 0 ? 0 : Between(lower, upper);
        for (var update = 0; update < MaxUpdates; update++)
        {
            if (!cholesky.TryFactor(hessian, lambda, out var failedAt, out var pivot))
            {
                // H + λI is indefinite: vᵀ(H + λI)v = pivot < 0 for the v below, so −λ₁ ≥ λ − pivot/‖v‖².
                lower = Math.Max(lower, lambda - pivot / IndefiniteDirectionNormSquared(failedAt));
                lambda = Between(lower, upper);
                continue;
            }
            if (gNorm == 0)
            {
                // A stationary point: only a direction of negative curvature can lower the model.
                if (lambda == 0) { p.Clear(); return true; }
                var curvature = SmallestEigenvector();
                if (curvature <= HardCaseTolerance * lambda)
                {
                    for (var i = 0; i < n; i++) p[i] = radius * z[i];
                    onBoundary = true;
                    return true;
                }
                upper = lambda;
                lower = Math.Max(lower, lambda - curvature);
                lambda = Between(lower, upper);
                continue;
            }
            cholesky.SolveNewton(gradient, p);
            var pNorm = Math.Sqrt(Vectors.Dot(p, p));
            if (lambda == 0 && pNorm <= radius) return true;
            cholesky.ForwardSubstitute(p, w);
            var wNorm2 = Vectors.Dot(w, w);
            // Newton's step on 1/Δ − 1/‖p(λ)‖, which is nearly linear in λ.
            var next = lambda + pNorm * pNorm / wNorm2 * (pNorm - radius) / radius;
            if (pNorm < radius)
            {
                var curvature = SmallestEigenvector();
                var tau = BoundaryStep(p, radius);
                // The move along z changes pᵀ(H + λI)p + λΔ² by at most this (Moré and Sorensen, lemma 3.4).
                var modelScale = QuadraticForm(hessian, p) + lambda * pNorm * pNorm + lambda * radius * radius;
                if (tau * tau * curvature <= HardCaseTolerance * modelScale)
                {
                    for (var i = 0; i < n; i++) p[i] += tau * z[i];
                    onBoundary = true;
                    return true;
                }
                upper = lambda;
                lower = Math.Max(lower, lambda - curvature);
                lambda = cholesky.TryFactor(hessian, next) ? next : Between(lower = Math.Max(lower, next), upper);
                continue;
            }
            if (pNorm - radius <= BoundaryTolerance * radius)
            {
                onBoundary = true;
                return true;
            }
            lower = lambda;
            lambda = next;
        }
        CauchyPoint(hessian, gradient, gNorm, radius, p);
        onBoundary = true;
        return true;
    }

    /// <summary>−(gᵀp + ½pᵀHp), the decrease the model predicts for p.</summary>
    internal static double PredictedDecrease(ReadOnlySpan<double> hessian, ReadOnlySpan<double> gradient, ReadOnlySpan<double> p) =>
        -(Vectors.Dot(gradient, p) + 0.5 * QuadraticForm(hessian, p));

    /// <summary>Bounds on λ from Gershgorin's discs and the Frobenius and ∞-norms of H
    /// (Moré and Sorensen, section 3; Conn, Gould and Toint, section 7.3.8).</summary>
    private (double Lower, double Upper) InitialBracket(ReadOnlySpan<double> h, double gNorm, double radius)
    {
        double minDiagonal = double.PositiveInfinity, discLower = double.PositiveInfinity, discUpper = double.NegativeInfinity;
        double frobenius = 0, infinity = 0;
        for (var i = 0; i < n; i++)
        {
            var offDiagonal = 0.0;
            for (var j = 0; j < n; j++)
            {
                var v = h[i * n + j];
                frobenius += v * v;
                if (j != i) offDiagonal += Math.Abs(v);
            }
            var d = h[i * n + i];
            minDiagonal = Math.Min(minDiagonal, d);
            discLower = Math.Min(discLower, d - offDiagonal);
            discUpper = Math.Max(discUpper, d + offDiagonal);
            infinity = Math.Max(infinity, offDiagonal + Math.Abs(d));
        }
        frobenius = Math.Sqrt(frobenius);
        var lower = Math.Max(0, Math.Max(-minDiagonal, gNorm / radius - Math.Min(discUpper, Math.Min(frobenius, infinity))));
        var upper = Math.Max(0, gNorm / radius + Math.Min(-discLower, Math.Min(frobenius, infinity)));
        return (lower, Math.Max(upper, lower));
    }

    private static double Between(double lower, double upper) =>
        Math.Max(Math.Sqrt(lower * upper), lower + BracketFraction * (upper - lower));

    /// <summary>‖v‖² for v = (w, 1, 0, …) with L₁₁ᵀw = −l, l the computed part of row k of L:
    /// then vᵀ(H + λI)v equals the failed pivot.</summary>
    private double IndefiniteDirectionNormSquared(int k)
    {
        for (var i = k - 1; i >= 0; i--)
        {
            var sum = -cholesky.L[k * n + i];
            for (var j = i + 1; j < k; j++) sum -= cholesky.L[j * n + i] * w[j];
            w[i] = sum / cholesky.L[i * n + i];
        }
        var norm2 = 1.0;
        for (var i = 0; i < k; i++) norm2 += w[i] * w[i];
        return norm2;
    }

    /// <summary>Inverse iteration with the current factor: z, a unit approximate eigenvector of
    /// H + λI's smallest eigenvalue, which it returns as zᵀ(H + λI)z = ‖Lᵀz‖². Near the hard case
    /// that eigenvalue is nearly 0, so three iterations are plenty.</summary>
    private double SmallestEigenvector()
    {
        // A start with no special structure, so that it is not orthogonal to the wanted eigenvector.
        for (var i = 0; i < n; i++) z[i] = 1 + 0.5 * Math.Sin(1.0 + i);
        for (var iteration = 0; iteration < 3; iteration++)
        {
            cholesky.ForwardSubstitute(z, z);
            cholesky.BackSubstitute(z);
            var norm = Math.Sqrt(Vectors.Dot(z, z));
            if (!(norm > 0) || !double.IsFinite(norm)) break;
            for (var i = 0; i < n; i++) z[i] /= norm;
        }
        var curvature = 0.0;
        for (var k = 0; k < n; k++)
        {
            // (Lᵀz)ₖ = Σᵢ≥ₖ Lᵢₖzᵢ.
            var sum = 0.0;
            for (var i = k; i < n; i++) sum += cholesky.L[i * n + k] * z[i];
            curvature += sum * sum;
        }
        return curvature;
    }

    /// <summary>The τ of smaller magnitude with ‖p + τz‖ = Δ (‖z‖ = 1, ‖p‖ ≤ Δ).</summary>
    private double BoundaryStep(ReadOnlySpan<double> p, double radius)
    {
        var (negative, positive) = BoundaryRoots(p, z, radius);
        return Math.Abs(negative) < Math.Abs(positive) ? negative : positive;
    }

    /// <summary>The two τ with ‖p + τd‖ = Δ for ‖p‖ ≤ Δ, one ≤ 0 and one ≥ 0. Their product is
    /// −(Δ² − ‖p‖²)/‖d‖², so the one away from −pᵀd is computed directly and the other from it,
    /// without cancellation.</summary>
    internal static (double Negative, double Positive) BoundaryRoots(ReadOnlySpan<double> p, ReadOnlySpan<double> d, double radius)
    {
        var dd = Vectors.Dot(d, d);
        var pd = Vectors.Dot(p, d);
        var gap = radius * radius - Vectors.Dot(p, p);
        var root = Math.Sqrt(pd * pd + dd * Math.Max(gap, 0));
        var far = pd >= 0 ? -pd - root : -pd + root;
        if (far == 0) return (0, 0);
        var (first, second) = (far / dd, -gap / far);
        return first <= second ? (first, second) : (second, first);
    }

    private static double QuadraticForm(ReadOnlySpan<double> h, ReadOnlySpan<double> p)
    {
        var n = p.Length;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = 0.0;
            for (var j = 0; j < n; j++) row += h[i * n + j] * p[j];
            sum += p[i] * row;
        }
        return sum;
    }

    /// <summary>The model's minimiser along −g inside the region (Nocedal and Wright, eq. 4.12): a
    /// decrease whatever H is, should the λ iteration not settle.</summary>
    private static void CauchyPoint(ReadOnlySpan<double> h, ReadOnlySpan<double> g, double gNorm, double radius, Span<double> p)
    {
        if (gNorm == 0) { p.Clear(); return; }
        var curvature = QuadraticForm(h, g);
        var tau = curvature <= 0 ? 1.0 : Math.Min(1.0, gNorm * gNorm * gNorm / (radius * curvature));
        for (var i = 0; i < g.Length; i++) p[i] = -tau * radius / gNorm * g[i];
    }
}

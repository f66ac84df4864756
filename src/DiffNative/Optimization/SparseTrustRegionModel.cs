namespace DiffNative.Optimization;

/// <summary>The sparse model: H̃ = D⁻¹HD⁻¹ applied from H's values on its pattern, and the step by
/// Steihaug and Toint's truncated conjugate gradients (Nocedal and Wright, algorithm 7.2): CG on
/// H̃p = −g̃ from p = 0, stopped on the boundary of the ball when a step leaves it or a direction of
/// non-positive curvature appears, and inside when the residual falls below min(½, √‖g̃‖)·‖g̃‖
/// (superlinear convergence). Each CG iteration costs one product with H's nonzeros; memory is O(n + nnz).</summary>
internal sealed class SparseTrustRegionModel(int n, HessianStructure structure) : TrustRegionModel
{
    private readonly double[] scales = new double[n];
    private readonly double[] residual = new double[n];
    private readonly double[] direction = new double[n];
    private readonly double[] product = new double[n];

    internal override bool Evaluate(ReadOnlySpan<double> x, ObjectiveEvaluator evaluator) => evaluator.SparseHessian(x, structure);

    internal override void UpdateScales(Span<double> d)
    {
        var pointers = structure.Pattern.RowPointers;
        var columns = structure.Pattern.ColumnIndices;
        for (var i = 0; i < n; i++)
        {
            var diagonal = 0.0;
            for (var k = pointers[i]; k < pointers[i + 1]; k++)
                if (columns[k] == i) diagonal = structure.Values[k];
            d[i] = DenseTrustRegionModel.Raised(d[i], diagonal);
        }
    }

    internal override void Scale(ReadOnlySpan<double> d) => d.CopyTo(scales);

    internal override bool Solve(ReadOnlySpan<double> g, double radius, Span<double> p, out bool onBoundary)
    {
        onBoundary = false;
        p.Clear();
        if (!Vectors.AllFinite(structure.Values) || !Vectors.AllFinite(g)) return false;
        g.CopyTo(residual);
        for (var i = 0; i < n; i++) direction[i] = -g[i];
        var rr = Vectors.Dot(residual, residual);
        var tolerance = Math.Min(0.5, Math.Sqrt(Math.Sqrt(rr))) * Math.Sqrt(rr);
        if (rr == 0) return true;
        // CG converges in at most n steps in exact arithmetic; rounding may need a few more.
        for (var iteration = 0; iteration < 2 * n; iteration++)
        {
            Multiply(direction, product);
            var curvature = Vectors.Dot(direction, product);
            if (double.IsNaN(curvature)) return false;
            if (!(curvature > 0))
            {
                // Non-positive curvature: the model falls without bound along d, so go to the boundary.
                ToBoundary(p, radius);
                onBoundary = true;
                return true;
            }
            var alpha = rr / curvature;
            if (NormAfter(p, alpha) >= radius)
            {
                ToBoundary(p, radius);
                onBoundary = true;
                return true;
            }
            for (var i = 0; i < n; i++)
            {
                p[i] += alpha * direction[i];
                residual[i] += alpha * product[i];
            }
            var next = Vectors.Dot(residual, residual);
            if (Math.Sqrt(next) <= tolerance) return true;
            var beta = next / rr;
            rr = next;
            for (var i = 0; i < n; i++) direction[i] = -residual[i] + beta * direction[i];
        }
        return true;
    }

    internal override double PredictedDecrease(ReadOnlySpan<double> g, ReadOnlySpan<double> p)
    {
        Multiply(p, product);
        return -(Vectors.Dot(g, p) + 0.5 * Vectors.Dot(p, product));
    }

    /// <summary>y = D⁻¹HD⁻¹v over H's nonzeros.</summary>
    private void Multiply(ReadOnlySpan<double> v, Span<double> y)
    {
        var pointers = structure.Pattern.RowPointers;
        var columns = structure.Pattern.ColumnIndices;
        var values = structure.Values;
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var k = pointers[i]; k < pointers[i + 1]; k++) sum += values[k] * (v[columns[k]] / scales[columns[k]]);
            y[i] = sum / scales[i];
        }
    }

    /// <summary>‖p + αd‖.</summary>
    private double NormAfter(ReadOnlySpan<double> p, double alpha)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += (p[i] + alpha * direction[i]) * (p[i] + alpha * direction[i]);
        return Math.Sqrt(sum);
    }

    /// <summary>p ← p + τd with τ ≥ 0 and ‖p + τd‖ = Δ (‖p‖ &lt; Δ, so the root is positive).</summary>
    private void ToBoundary(Span<double> p, double radius)
    {
        var tau = TrustRegionSubproblem.BoundaryRoots(p, direction, radius).Positive;
        for (var i = 0; i < n; i++) p[i] += tau * direction[i];
    }
}

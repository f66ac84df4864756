using DiffNative.MachineLearning;

namespace DiffNative.Optimization;

/// <summary>The Jacobian of the residuals at an iterate whose residuals are already known: analytic,
/// differenced column by column, or differenced by colour on <see cref="LeastSquaresOptions.JacobianSparsity"/>.
/// The differencing evaluates a one-sided stencil's centre x once per Jacobian; it calls the
/// residuals through <see cref="KnownCentre"/>, which answers that point from r(x), already known
/// here, so a forward Jacobian costs one call per column (or colour), not one more, and the steps
/// and bits are the differencing engine's own.</summary>
internal sealed class ResidualJacobian
{
    private readonly VectorFunction residuals;
    private readonly int m, n;
    private readonly AnalyticJacobian? analytic;
    private readonly DifferentiationOptions differencing;
    private readonly JacobianColoring? coloring;
    private readonly double[] sparseValues;
    private readonly VectorFunction knownCentre;
    private double[] centre = [];
    private double[] centreValues = [];
    private int calls;

    internal ResidualJacobian(VectorFunction residuals, int m, int n, LeastSquaresOptions options)
    {
        this.residuals = residuals;
        this.m = m;
        this.n = n;
        analytic = options.Jacobian;
        differencing = options.DifferencingOptions();
        coloring = options.JacobianSparsity is { } pattern ? JacobianColoring.Compute(pattern) : null;
        sparseValues = coloring is null ? [] : new double[coloring.Pattern.NonZeros];
        knownCentre = KnownCentre;
    }

    /// <summary>The colours of the sparse differencing; 0 when every column is differenced or J is analytic.</summary>
    internal int Colors => coloring?.Colors ?? 0;

    /// <summary>Calls of the analytic Jacobian so far.</summary>
    internal int AnalyticEvaluations { get; private set; }

    /// <summary>Writes J(x) into the row-major m×n <paramref name="jacobian"/> given r(x) and adds the
    /// residual calls it made to <paramref name="evaluations"/>, also when the differencing is cancelled.</summary>
    internal void Compute(double[] x, double[] r, double[] jacobian, ref int evaluations, CancellationToken cancellationToken)
    {
        if (analytic is not null)
        {
            AnalyticEvaluations++;
            analytic(x, jacobian);
            return;
        }
        centre = x;
        centreValues = r;
        calls = 0;
        try
        {
            if (coloring is null)
            {
                Differentiate.Jacobian(knownCentre, m, x, jacobian, differencing, cancellationToken);
            }
            else
            {
                Differentiate.SparseJacobian(knownCentre, coloring, x, sparseValues, differencing, cancellationToken);
                Scatter(jacobian);
            }
        }
        finally
        {
            evaluations += calls;
        }
    }

    /// <summary>The residuals, except at the centre, where r(x) is copied. Values compare equal
    /// (−0 and +0 alike), and no perturbed point equals x: every step is made exact and positive.</summary>
    private void KnownCentre(ReadOnlySpan<double> point, Span<double> values)
    {
        if (point.SequenceEqual(centre))
        {
            centreValues.CopyTo(values);
            return;
        }
        Interlocked.Increment(ref calls);
        residuals(point, values);
    }

    private void Scatter(double[] jacobian)
    {
        Array.Clear(jacobian);
        var pattern = coloring!.Pattern;
        var pointers = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        for (var k = 0; k < m; k++)
            for (var e = pointers[k]; e < pointers[k + 1]; e++)
                jacobian[k * n + columns[e]] = sparseValues[e];
    }
}

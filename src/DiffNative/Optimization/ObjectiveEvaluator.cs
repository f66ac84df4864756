namespace DiffNative.Optimization;

/// <summary>Evaluates f, its gradient and Hessian, analytic or numerical, and counts what each
/// costs. Numerical derivatives add their function (or gradient) calls to the counts.</summary>
internal sealed class ObjectiveEvaluator
{
    private readonly Objective objective;
    private DifferentiationOptions differentiation;
    private readonly CancellationToken cancellation;
    private readonly VectorFunction? gradientAsVector;
    private readonly SwitchingGradient? switching;
    private readonly bool defaultDifferentiation;
    private readonly SparsityPattern? hessianSparsity;
    private bool hessianStructureChosen;
    private HessianStructure? sparseHessian;

    /// <summary>With <paramref name="switching"/>, a numerical gradient differences forward until
    /// forward differences no longer suffice; without, always as <paramref name="differentiation"/> says.
    /// <paramref name="hessianSparsity"/> is the user's Hessian pattern; null probes one when it pays.
    /// <paramref name="defaultDifferentiation"/>: the user left the differentiation options to us.</summary>
    internal ObjectiveEvaluator(Objective objective, DifferentiationOptions differentiation, CancellationToken cancellation,
        SwitchingGradient? switching = null, SparsityPattern? hessianSparsity = null, bool defaultDifferentiation = false)
    {
        this.defaultDifferentiation = defaultDifferentiation;
        this.objective = objective;
        this.differentiation = differentiation;
        this.cancellation = cancellation;
        if (objective.Gradient is null) this.switching = switching;
        this.hessianSparsity = hessianSparsity;
        if (objective.Gradient is { } gradient)
            gradientAsVector = (x, g) => gradient(x, g);
    }

    internal bool HasAnalyticGradient => objective.Gradient is not null;

    /// <summary>Whether numerical gradients are still forward differences (see <see cref="SwitchingGradient"/>).</summary>
    internal bool DifferencesForward => switching is { Forward: true };

    internal int FunctionEvaluations { get; private set; }
    internal int GradientEvaluations { get; private set; }
    internal int HessianEvaluations { get; private set; }

    /// <summary>The colours of the sparse numerical Hessian's pattern; null when it is dense or analytic.</summary>
    internal int? HessianColors => sparseHessian?.Coloring.Colors;

    /// <summary>Below this many variables a dense numerical Hessian costs at most 2n² + 1 = 163
    /// evaluations of f, too few for probing its pattern to pay.</summary>
    private const int ProbeFromDimension = 10;

    internal double Value(ReadOnlySpan<double> x)
    {
        FunctionEvaluations++;
        return objective.Value(x);
    }

    /// <summary>The gradient into <paramref name="gradient"/>; false when any entry is not finite.</summary>
    internal bool Gradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        GradientEvaluations++;
        if (objective.Gradient is { } analytic)
        {
            // The buffer holds the previous iterate's gradient: an entry the function leaves
            // unwritten must show as not finite, not as that.
            gradient.Fill(double.NaN);
            analytic(x, gradient);
            return Vectors.AllFinite(gradient);
        }
        var info = objective.BatchValue is { } batch
            ? Differentiate.Gradient(batch, x, gradient, differentiation, cancellation)
            : Differentiate.Gradient(objective.Value, x, gradient, differentiation, cancellation);
        FunctionEvaluations += info.Evaluations;
        return info.Status != DerivativeStatus.NonFinite && Vectors.AllFinite(gradient);
    }

    /// <summary>The gradient at x, where f(x) = <paramref name="value"/> is known: forward
    /// differences reuse it (n evaluations), every other kind ignores it.</summary>
    internal bool Gradient(ReadOnlySpan<double> x, double value, Span<double> gradient)
    {
        if (switching is not { Forward: true } forward) return Gradient(x, gradient);
        GradientEvaluations++;
        var finite = forward.Compute(objective, x, value, gradient, cancellation);
        FunctionEvaluations += x.Length;
        if (!finite || forward.Suffices(x, value, gradient)) return finite;
        forward.SwitchToCentral();
        return Gradient(x, gradient);
    }

    /// <summary>After a line search failed on a forward gradient: central differences from now on,
    /// and the state's gradient retaken with them. False when the gradient was not forward, or
    /// when the retaken one is not finite (the state then keeps the forward one).</summary>
    internal bool RetakeCentrally(IterationState state, Span<double> buffer)
    {
        if (switching is not { Forward: true } forward) return false;
        forward.SwitchToCentral();
        return Retake(state, buffer);
    }

    /// <summary>Whether <see cref="TurnAdaptive"/> may still help: some derivative is numerical,
    /// the user left the differentiation options to us, and they are not adaptive already.</summary>
    internal bool CanTurnAdaptive => objective.Hessian is null && defaultDifferentiation && !differentiation.Adaptive;

    /// <summary>After a Newton step failed on fixed-step derivatives: adaptive (extrapolated)
    /// gradients and Hessians from now on, and the state's gradient retaken so. Fixed steps follow
    /// |xᵢ|, not the scale f varies on: where variables differ in size by orders (Meyer's 0.0056,
    /// 6181 and 345), their truncation error swamps the model along a narrow valley and no region
    /// is small enough. False when the retaken gradient is not finite (the state keeps the old one).</summary>
    internal bool TurnAdaptive(IterationState state, Span<double> buffer)
    {
        switching?.SwitchToCentral();
        differentiation = differentiation with { Adaptive = true };
        return Retake(state, buffer);
    }

    /// <summary>The state's gradient taken again with the derivatives now in force; the state keeps
    /// its old one when the new one is not finite.</summary>
    private bool Retake(IterationState state, Span<double> buffer)
    {
        if (!Gradient(state.X, buffer)) return false;
        buffer.CopyTo(state.Gradient);
        return true;
    }

    /// <summary>The row-major Hessian into <paramref name="hessian"/>; false when any entry is not finite.</summary>
    internal bool Hessian(ReadOnlySpan<double> x, Span<double> hessian)
    {
        if (objective.Hessian is { } analytic)
        {
            HessianEvaluations++;
            hessian.Fill(double.NaN);
            analytic(x, hessian);
            return Vectors.AllFinite(hessian);
        }
        if (SparseStructure(x) is { } sparse)
        {
            if (!SparseHessian(x, sparse)) return false;
            sparse.Scatter(hessian);
            return true;
        }
        HessianEvaluations++;
        if (gradientAsVector is { } g)
        {
            // Differencing the analytic gradient loses far less accuracy than second differences of f.
            var info = Differentiate.Jacobian(g, x.Length, x, hessian, differentiation, cancellation);
            GradientEvaluations += info.Evaluations;
            Symmetrise(hessian, x.Length);
            return info.Status != DerivativeStatus.NonFinite && Vectors.AllFinite(hessian);
        }
        var second = objective.BatchValue is { } batch
            ? Differentiate.Hessian(batch, x, hessian, differentiation, cancellation)
            : Differentiate.Hessian(objective.Value, x, hessian, differentiation, cancellation);
        FunctionEvaluations += second.Evaluations;
        return second.Status != DerivativeStatus.NonFinite && Vectors.AllFinite(hessian);
    }

    /// <summary>The user's pattern, or one probed here at the first Newton point (x0), unless it
    /// is more than half full; the probe's calls count like the Hessians'.</summary>
    private HessianStructure? ChooseStructure(ReadOnlySpan<double> x)
    {
        var pattern = hessianSparsity;
        if (pattern is null)
        {
            if (x.Length < ProbeFromDimension) return null;
            if (gradientAsVector is { } g)
            {
                // Gradient entries that do not read a coordinate keep their bits, so this probe adds no spurious entries.
                pattern = SparsityProbe.Hessian(g, x, Probes);
                GradientEvaluations += Probes * (x.Length + 1);
            }
            else
            {
                pattern = HessianValueProbe.Find(objective.Value, x, cancellation, out var evaluations);
                FunctionEvaluations += evaluations;
            }
        }
        return HessianStructure.For(pattern);
    }

    /// <summary>Probe points for the gradient's pattern, <see cref="SparsityProbe"/>'s default.</summary>
    private const int Probes = 3;

    /// <summary>The sparse structure the Hessians are differenced on, chosen at the first call (the
    /// user's pattern or one probed at x); null when the Hessian is analytic or dense.</summary>
    internal HessianStructure? SparseStructure(ReadOnlySpan<double> x)
    {
        if (objective.Hessian is not null) return null;
        if (!hessianStructureChosen)
        {
            sparseHessian = ChooseStructure(x);
            hessianStructureChosen = true;
        }
        return sparseHessian;
    }

    /// <summary>The Hessian's values on <paramref name="sparse"/>'s pattern into its
    /// <see cref="HessianStructure.Values"/>; false when any is not finite.</summary>
    internal bool SparseHessian(ReadOnlySpan<double> x, HessianStructure sparse)
    {
        HessianEvaluations++;
        DifferentiationInfo info;
        if (gradientAsVector is { } g)
        {
            info = Differentiate.SparseHessianFromGradient(g, sparse.Coloring, x, sparse.Values, differentiation, cancellation);
            GradientEvaluations += info.Evaluations;
        }
        else
        {
            info = objective.BatchValue is { } batch
                ? Differentiate.SparseHessian(batch, sparse.Pattern, x, sparse.Values, differentiation, cancellation)
                : Differentiate.SparseHessian(objective.Value, sparse.Pattern, x, sparse.Values, differentiation, cancellation);
            FunctionEvaluations += info.Evaluations;
        }
        return info.Status != DerivativeStatus.NonFinite && Vectors.AllFinite(sparse.Values);
    }

    private static void Symmetrise(Span<double> h, int n)
    {
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                h[i * n + j] = h[j * n + i] = 0.5 * (h[i * n + j] + h[j * n + i]);
    }
}

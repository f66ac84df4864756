namespace DiffNative.Optimization;

/// <summary>Levenberg–Marquardt with a trust region and MINPACK's diagonal scaling (Moré 1978,
/// lmdif/lmder): each iteration takes the step of (JᵀJ + αD²)p = −Jᵀr whose scaled length ‖Dp‖
/// fits the region, accepts it when ‖r‖ falls, and grows or shrinks the region by the ratio of
/// actual to predicted reduction. With bounds, variables that the gradient pushes against their
/// bound are held there and the step is taken in the others, then projected onto the box, so every
/// point evaluated is feasible; the model's reduction is then that of the projected step.</summary>
internal sealed class LevenbergMarquardt
{
    private const int MaxNonFiniteTrials = 10;

    private readonly VectorFunction residuals;
    private readonly int m, n;
    private readonly LeastSquaresOptions options;
    private readonly ResidualJacobian jacobianSource;
    private readonly FeasibleBox? box;
    private readonly CancellationToken cancellationToken;
    private readonly double[] x, r, trialX, trialR, jacobian, normal, gradient, diag, step, jacobianStep;
    private readonly DampedStepSolver solver;
    private readonly int[] freeIndex;
    private readonly double[] freeJacobian, freeDiag, freeGradient, freeStep;
    private DampedStepSolver? freeSolver;
    private int freeSolverSize, free;
    private int evaluations, iterations;
    private bool jacobianCurrent;

    internal LevenbergMarquardt(VectorFunction residuals, int outputs, ReadOnlySpan<double> x0, LeastSquaresOptions options,
        CancellationToken cancellationToken)
    {
        this.residuals = residuals;
        m = outputs;
        n = x0.Length;
        this.options = options;
        jacobianSource = new ResidualJacobian(residuals, m, n, options);
        box = FeasibleBox.From(options, n);
        this.cancellationToken = cancellationToken;
        x = x0.ToArray();
        trialX = new double[n];
        r = new double[m];
        trialR = new double[m];
        jacobian = new double[m * n];
        normal = new double[n * n];
        gradient = new double[n];
        diag = new double[n];
        step = new double[n];
        jacobianStep = new double[m];
        solver = new DampedStepSolver(m, n);
        solver.Use(jacobian, r);
        free = n;
        freeIndex = new int[n];
        var boxed = box is null ? 0 : n;
        freeJacobian = new double[m * boxed];
        freeDiag = new double[boxed];
        freeGradient = new double[boxed];
        freeStep = new double[boxed];
    }

    internal LeastSquaresResult Run()
    {
        if (!Evaluate(x, r)) return Finish(LeastSquaresStopReason.NonFiniteValue, finite: false);
        var norm = Norm(r);
        double delta = 0, alpha = 0, scaledXNorm;
        var eps = Math.BitIncrement(1.0) - 1;
        while (true)
        {
            if (norm == 0) return Finish(LeastSquaresStopReason.ZeroResidual);
            if (cancellationToken.IsCancellationRequested) return Finish(LeastSquaresStopReason.Cancelled);
            if (OutOfEvaluations()) return Finish(LeastSquaresStopReason.MaxEvaluations);
            try
            {
                if (!ComputeJacobian()) return Finish(LeastSquaresStopReason.NonFiniteValue);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The differencing stops between evaluations by throwing; the fit reports it as a stop.
                return Finish(LeastSquaresStopReason.Cancelled);
            }
            FormNormalEquations();

            // D keeps the largest column norm seen, so the scaling never shrinks (MINPACK mode 1).
            for (var j = 0; j < n; j++)
            {
                var column = ColumnNorm(j);
                diag[j] = iterations == 0 ? (column == 0 ? 1 : column) : Math.Max(diag[j], column);
            }
            scaledXNorm = DampedStepSolver.ScaledNorm(x, diag);
            if (iterations == 0)
                delta = scaledXNorm == 0 ? options.InitialStepBound : options.InitialStepBound * scaledXNorm;

            FindFreeVariables();
            var cosine = LargestCosine(norm);
            if (cosine <= options.GradientTolerance) return Finish(LeastSquaresStopReason.GradientTolerance);
            if (cosine <= eps) return Finish(LeastSquaresStopReason.NoFurtherProgress);

            var nonFinite = 0;
            double ratio;
            do
            {
                if (cancellationToken.IsCancellationRequested) return Finish(LeastSquaresStopReason.Cancelled);
                if (OutOfEvaluations()) return Finish(LeastSquaresStopReason.MaxEvaluations);
                FindStep(delta, ref alpha);
                // The region follows the damped step, not its projection, so that meeting a bound does not collapse it.
                var stepNorm = DampedStepSolver.ScaledNorm(step, diag);
                if (iterations == 0) delta = Math.Min(delta, stepNorm);
                for (var i = 0; i < n; i++) trialX[i] = x[i] + step[i];
                var projected = box is not null && box.Project(trialX, x, step);
                var trialFinite = Evaluate(trialX, trialR);
                var trialNorm = trialFinite ? Norm(trialR) : double.PositiveInfinity;
                if (!trialFinite && ++nonFinite >= MaxNonFiniteTrials) return Finish(LeastSquaresStopReason.NonFiniteValue);

                var actual = 0.1 * trialNorm < norm ? 1 - trialNorm / norm * (trialNorm / norm) : -1.0;
                for (var k = 0; k < m; k++)
                {
                    var sum = 0.0;
                    for (var i = 0; i < n; i++) sum += jacobian[k * n + i] * step[i];
                    jacobianStep[k] = sum;
                }
                var t1 = Norm(jacobianStep) / norm;
                double predicted, directional;
                if (!projected)
                {
                    var t2 = Math.Sqrt(alpha) * stepNorm / norm;
                    predicted = t1 * t1 + 2 * t2 * t2;
                    directional = -(t1 * t1 + t2 * t2);
                }
                else
                {
                    // ‖r‖² − ‖r + Js‖² and sᵀJᵀr for the projected step s, relative to ‖r‖².
                    var slope = 0.0;
                    for (var i = 0; i < n; i++) slope += gradient[i] * step[i];
                    directional = slope / norm / norm;
                    predicted = -2 * directional - t1 * t1;
                }
                // A projected step may not descend on the model; it is then refused and the region shrinks.
                ratio = predicted > 0 ? actual / predicted : 0;

                if (ratio <= 0.25)
                {
                    var shrink = actual >= 0 ? 0.5 : 0.5 * directional / (directional + 0.5 * actual);
                    if (0.1 * trialNorm >= norm || shrink < 0.1 || !double.IsFinite(shrink)) shrink = 0.1;
                    // MINPACK's factor is at most ½ on its own steps; a projected one must shrink the region as much.
                    shrink = Math.Min(shrink, 0.5);
                    delta = shrink * Math.Min(delta, stepNorm / 0.1);
                    alpha /= shrink;
                }
                else if (alpha == 0 || ratio >= 0.75)
                {
                    delta = stepNorm / 0.5;
                    alpha *= 0.5;
                }

                if (ratio >= 1e-4)
                {
                    Array.Copy(trialX, x, n);
                    Array.Copy(trialR, r, m);
                    norm = trialNorm;
                    scaledXNorm = DampedStepSolver.ScaledNorm(x, diag);
                    iterations++;
                    jacobianCurrent = false;
                    if (norm == 0) return Finish(LeastSquaresStopReason.ZeroResidual);
                }

                if (Math.Abs(actual) <= options.FunctionTolerance && predicted <= options.FunctionTolerance && 0.5 * ratio <= 1)
                    return Finish(LeastSquaresStopReason.FunctionTolerance);
                if (delta <= options.StepTolerance * scaledXNorm) return Finish(LeastSquaresStopReason.StepTolerance);
                if (Math.Abs(actual) <= eps && predicted <= eps && 0.5 * ratio <= 1) return Finish(LeastSquaresStopReason.NoFurtherProgress);
                if (delta <= eps * scaledXNorm) return Finish(LeastSquaresStopReason.NoFurtherProgress);
                if (iterations >= options.MaxIterations) return Finish(LeastSquaresStopReason.MaxIterations);
            }
            while (ratio < 1e-4);
        }
    }

    private bool OutOfEvaluations() => options.MaxEvaluations is { } limit && evaluations >= limit;

    private bool Evaluate(ReadOnlySpan<double> point, Span<double> values)
    {
        evaluations++;
        residuals(point, values);
        foreach (var value in values)
            if (!double.IsFinite(value)) return false;
        return true;
    }

    /// <summary>J at x, analytic or differenced; false when an entry is not finite.</summary>
    private bool ComputeJacobian()
    {
        jacobianSource.Compute(x, r, jacobian, ref evaluations, cancellationToken);
        foreach (var value in jacobian)
            if (!double.IsFinite(value)) return false;
        jacobianCurrent = true;
        return true;
    }

    private void FormNormalEquations()
    {
        for (var i = 0; i < n; i++)
        {
            var g = 0.0;
            for (var k = 0; k < m; k++) g += jacobian[k * n + i] * r[k];
            gradient[i] = g;
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < m; k++) sum += jacobian[k * n + i] * jacobian[k * n + j];
                normal[i * n + j] = sum;
                normal[j * n + i] = sum;
            }
        }
    }

    private double ColumnNorm(int j) => Math.Sqrt(normal[j * n + j]);

    /// <summary>Lists the variables not held at a bound and, when some are held, copies their
    /// columns of J, scales and gradient into the free subproblem.</summary>
    private void FindFreeVariables()
    {
        free = 0;
        for (var j = 0; j < n; j++)
            if (box is null || !box.Holds(j, x[j], gradient[j])) freeIndex[free++] = j;
        if (free == n || free == 0) return;
        for (var k = 0; k < m; k++)
            for (var f = 0; f < free; f++) freeJacobian[k * free + f] = jacobian[k * n + freeIndex[f]];
        for (var f = 0; f < free; f++) (freeDiag[f], freeGradient[f]) = (diag[freeIndex[f]], gradient[freeIndex[f]]);
        if (freeSolverSize != free)
        {
            freeSolver = new DampedStepSolver(m, free);
            freeSolver.Use(freeJacobian, r);
            freeSolverSize = free;
        }
    }

    /// <summary>The damped step for the trust region Δ into step: in every variable, or, when some
    /// are held at a bound, in the free ones with the held ones left where they are.</summary>
    private void FindStep(double delta, ref double alpha)
    {
        if (free == n)
        {
            solver.FindParameter(diag, gradient, delta, ref alpha, step);
            return;
        }
        freeSolver!.FindParameter(freeDiag.AsSpan(0, free), freeGradient.AsSpan(0, free), delta, ref alpha, freeStep.AsSpan(0, free));
        Array.Clear(step);
        for (var f = 0; f < free; f++) step[freeIndex[f]] = freeStep[f];
    }

    /// <summary>max |Jⱼᵀr| / (‖Jⱼ‖‖r‖) over the free variables, the gtol measure: with bounds, that of
    /// the projected gradient, zero at a point where every variable is held.</summary>
    private double LargestCosine(double norm)
    {
        var largest = 0.0;
        for (var f = 0; f < free; f++)
        {
            var j = freeIndex[f];
            var column = ColumnNorm(j);
            if (column != 0) largest = Math.Max(largest, Math.Abs(gradient[j]) / (column * norm));
        }
        return largest;
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        var scale = 0.0;
        foreach (var value in v) scale = Math.Max(scale, Math.Abs(value));
        if (scale == 0 || !double.IsFinite(scale)) return scale;
        var sum = 0.0;
        foreach (var value in v) sum += value / scale * (value / scale);
        return scale * Math.Sqrt(sum);
    }

    private LeastSquaresResult Finish(LeastSquaresStopReason reason, bool finite = true)
    {
        DerivativeArray? jacobianResult = null;
        double[]? covariance = null;
        // A stop on cancellation, the evaluation limit or a non-finite value must not call the residuals again.
        var mayEvaluate = reason is not (LeastSquaresStopReason.Cancelled or LeastSquaresStopReason.MaxEvaluations or LeastSquaresStopReason.NonFiniteValue);
        if (finite && (jacobianCurrent || mayEvaluate && ComputeJacobian()))
        {
            jacobianResult = new DerivativeArray((double[])jacobian.Clone(), null, evaluations, DerivativeStatus.Ok) { Rows = m };
            if (m > n)
            {
                var inverse = new double[n * n];
                if (solver.Invert(inverse))
                {
                    var norm = Norm(r);
                    var s2 = norm * norm / (m - n);
                    for (var i = 0; i < inverse.Length; i++) inverse[i] *= s2;
                    covariance = inverse;
                }
            }
        }
        return new LeastSquaresResult
        {
            X = x,
            Residuals = r,
            ResidualNorm = Norm(r),
            Jacobian = jacobianResult,
            Covariance = covariance,
            Iterations = iterations,
            FunctionEvaluations = evaluations,
            JacobianEvaluations = jacobianSource.AnalyticEvaluations,
            JacobianColors = jacobianSource.Colors,
            Reason = reason,
        };
    }
}

namespace DiffNative;

/// <summary>One adaptive computation's estimates at a given step scale: the fixed-step operation
/// with every step multiplied by <c>factor</c>.</summary>
internal interface ILevelEstimates
{
    /// <summary>Writes the estimates at the level's steps, the first ones scaled by
    /// <paramref name="factor"/> (already in the steps' [0, n) for per-coordinate steps); returns the
    /// evaluations spent, the largest finite |f| seen (for the rounding part of the error) and
    /// whether every value of f was finite. It may write only some entries (a gradient's axis
    /// group): the others stay 0 at every level.</summary>
    int Evaluate(double factor, Span<double> estimate, out double functionScale, out bool finiteValues);

    /// <summary>What entry e's rounding error ε·|f| is divided by at the first steps: hᵢ for a first
    /// derivative, hᵢhⱼ for a second.</summary>
    double RoundingDivisor(int entry);

    /// <summary>The |f| whose rounding entry e suffers: <paramref name="functionScale"/>, the largest
    /// finite |f| of every level, or its own output's where outputs differ in size (a Jacobian row
    /// of size 1 beside one of 1e220 is not rounded at 1e220).</summary>
    double RoundingScale(int entry, double functionScale);
}

/// <summary>The shape of an operation's Ridders tableau: how many levels (each a full fixed-step
/// operation), the derivative's order (the power of the steps its rounding is divided by), and
/// the error powers its columns remove: h^(FirstPower + (j−1)·PowerStep) in column j.</summary>
internal readonly record struct Tableau(int Levels, int DerivativeOrder, int FirstPower, int PowerStep)
{
    /// <summary>Hessians, their diagonal and Hessian-vector products: central second differences,
    /// whose errors have even powers only.</summary>
    internal static Tableau SecondDerivative => new(6, 2, 2, 2);

    /// <summary>Gradients and Jacobians, dense or sparse: a central stencil's errors have even
    /// powers only, a one-sided stencil of accuracy p every power from p.</summary>
    internal static Tableau FirstDerivative(Stencil stencil) =>
        stencil.Scheme == DifferenceScheme.Central ? new(8, 1, 2, 2) : new(8, 1, stencil.Accuracy, 1);
}

/// <summary>The adaptive loop of every multivariate operation (gradients, Jacobians, sparse
/// Jacobians, Hessians, their diagonal, Hessian-vector products, sparse Hessians): estimates on
/// steps shrinking by <see cref="VectorRichardson.Shrink"/>, Ridders' tableau per entry through the
/// backend's kernel, and an error estimate that adds the rounding of the chosen level to the
/// tableau's disagreement.</summary>
internal static class Extrapolation
{
    /// <summary>Runs the levels; steps[n, 2n) holds the first steps, and each level's, shrunk from
    /// them, go to steps[0, n) before its estimates. best receives the extrapolated values of all
    /// count entries, errors (when not empty) their estimates. Uses the workspace's table, level
    /// estimate, error and best slots: the level estimator must keep to others. nonFinite: f was not
    /// finite at some point of some level — a value the tableau did not pick still means f is not
    /// finite near x.</summary>
    internal static int Run<TLevels>(ref TLevels levels, Tableau tableau, ReadOnlySpan<double> x, double[] steps, int count, Span<double> best,
        Span<double> errors, Backend backend, Workspace workspace, out bool nonFinite)
        where TLevels : ILevelEstimates, allows ref struct =>
        Run(ref levels, tableau, x, steps, count, best, errors, backend, workspace, default, out nonFinite, out _);

    /// <summary>As above; <paramref name="entryNonFinite"/> (when not empty) gets 1 for each entry
    /// whose estimate was not finite at some level, so that a caller that starts an entry again
    /// from smaller steps can tell whose values were not finite; <paramref name="functionScale"/>
    /// the largest finite |f| on the last level, f's size near x, against which a derivative near 0
    /// is judged converged (the largest |f| of all levels let exp(1000x) at 1e-3, e¹⁰¹ at the first
    /// step, pass a garbage value for one near 0). The rounding part of the error still uses the
    /// largest |f| of all levels.</summary>
    internal static int Run<TLevels>(ref TLevels levels, Tableau tableau, ReadOnlySpan<double> x, double[] steps, int count, Span<double> best,
        Span<double> errors, Backend backend, Workspace workspace, Span<double> entryNonFinite, out bool nonFinite, out double functionScale)
        where TLevels : ILevelEstimates, allows ref struct
    {
        var previous = workspace.Span(Workspace.Slot.TablePrevious, tableau.Levels * count);
        var current = workspace.Span(Workspace.Slot.TableCurrent, tableau.Levels * count);
        var error = workspace.Span(Workspace.Slot.Errors, count);
        var estimate = workspace.Span(Workspace.Slot.LevelEstimate, count);
        var bestLevel = workspace.Span(Workspace.Slot.Best, count);
        estimate.Clear(); // entries a level does not write stay 0, not a pooled buffer's leftovers
        var evaluations = 0;
        var scale = 0.0;
        var nearScale = 0.0;
        nonFinite = false;
        for (var level = 0; level < tableau.Levels; level++)
        {
            var factor = Math.Pow(VectorRichardson.Shrink, -level);
            StepSetup.Shrink(x, steps.AsSpan(x.Length, x.Length), factor, steps.AsSpan(0, x.Length));
            evaluations += levels.Evaluate(factor, estimate, out var levelScale, out var finite);
            scale = Math.Max(scale, levelScale);
            nearScale = levelScale;
            nonFinite |= !finite;
            if (!finite && !entryNonFinite.IsEmpty)
                for (var e = 0; e < count; e++)
                    if (!double.IsFinite(estimate[e])) entryNonFinite[e] = 1;
            estimate.CopyTo(current);
            VectorRichardson.Update(backend, count, level, previous, current, best, error, bestLevel, tableau.FirstPower, tableau.PowerStep);
            var swap = previous;
            previous = current;
            current = swap;
        }
        functionScale = nearScale;
        if (errors.IsEmpty) return evaluations;
        for (var e = 0; e < count; e++)
        {
            // Rounding at the chosen level: ε·|f| over its steps to the derivative's order (hᵢ, or
            // hᵢhⱼ), amplified 8 times per order by the extrapolation.
            var shrink = Math.Pow(VectorRichardson.Shrink, -(int)bestLevel[e]);
            var divisor = levels.RoundingDivisor(e) * shrink;
            for (var order = 1; order < tableau.DerivativeOrder; order++) divisor *= shrink;
            errors[e] = error[e] + 8 * tableau.DerivativeOrder * StepRule.MachineEpsilon * levels.RoundingScale(e, scale) / divisor;
        }
        return evaluations;
    }
}

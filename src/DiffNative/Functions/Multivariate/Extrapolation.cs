namespace DiffNative;

/// <summary>One adaptive computation's estimates at a given step scale: the fixed-step operation
/// with every step multiplied by <c>factor</c>.</summary>
internal interface ILevelEstimates
{
    /// <summary>Writes the estimates with steps scaled by <paramref name="factor"/>; returns the
    /// evaluations spent, the largest finite |f| seen (for the rounding part of the error) and
    /// whether every value of f was finite.</summary>
    int Evaluate(double factor, Span<double> estimate, out double functionScale, out bool finiteValues);

    /// <summary>What entry e's rounding error ε·|f| is divided by at the first steps (hᵢhⱼ for a
    /// second derivative).</summary>
    double RoundingDivisor(int entry);
}

/// <summary>The adaptive loop of the second-derivative operations (Hessian, its diagonal,
/// Hessian-vector products): estimates on steps shrinking by <see cref="VectorRichardson.Shrink"/>,
/// Ridders' tableau per entry through the backend's kernel, and an error estimate that adds the
/// rounding of the chosen level to the tableau's disagreement.</summary>
internal static class Extrapolation
{
    /// <summary>Levels of the second-derivative tableau (each costs a full fixed-step operation).</summary>
    internal const int SecondDerivativeLevels = 6;

    /// <summary>Runs the levels; best receives the extrapolated values, errors (when not empty)
    /// their estimates. Uses the workspace's table, estimate, error and best slots: the level
    /// estimator must keep to others. nonFinite: f was not finite at some point of some level — a
    /// value the tableau did not pick still means f is not finite near x.</summary>
    internal static int Run<TLevels>(ref TLevels levels, int count, Span<double> best, Span<double> errors, Backend backend, Workspace workspace,
        out bool nonFinite)
        where TLevels : ILevelEstimates, allows ref struct
    {
        const int levelCount = SecondDerivativeLevels;
        var previous = workspace.Span(Workspace.Slot.TablePrevious, levelCount * count);
        var current = workspace.Span(Workspace.Slot.TableCurrent, levelCount * count);
        var error = workspace.Span(Workspace.Slot.Errors, count);
        var estimate = workspace.Span(Workspace.Slot.Estimate, count);
        var bestLevel = workspace.Span(Workspace.Slot.Best, count);
        var evaluations = 0;
        var scale = 0.0;
        nonFinite = false;
        for (var level = 0; level < levelCount; level++)
        {
            evaluations += levels.Evaluate(Math.Pow(VectorRichardson.Shrink, -level), estimate, out var levelScale, out var finite);
            scale = Math.Max(scale, levelScale);
            nonFinite |= !finite;
            estimate.CopyTo(current);
            VectorRichardson.Update(backend, count, level, previous, current, best, error, bestLevel);
            var swap = previous;
            previous = current;
            current = swap;
        }
        for (var e = 0; e < count; e++)
        {
            // Rounding at the chosen level: ε·|f| over the product of its two steps, amplified a
            // few times by the extrapolation.
            var shrink = Math.Pow(VectorRichardson.Shrink, -(int)bestLevel[e]);
            error[e] += 16 * StepRule.MachineEpsilon * scale / (levels.RoundingDivisor(e) * shrink * shrink);
        }
        if (!errors.IsEmpty) error.CopyTo(errors);
        return evaluations;
    }
}

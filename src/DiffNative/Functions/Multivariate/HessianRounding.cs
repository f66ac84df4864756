namespace DiffNative;

/// <summary>The dense fixed-step Hessian's honesty about rounding. A diagonal entry's second
/// difference f(x+hᵢ) + f(x−hᵢ) − 2f(x) that is within 64 ε of the values it adds is rounding,
/// and the entry is unresolved when that rounding, 64 ε·Σ|f|/hᵢ², is more than a thousandth of the
/// Hessian's scale (its largest entry but unresolved diagonal ones): x₀x₁'s zero diagonal is resolved to
/// 4e-6 of its unit off-diagonal and left alone; Brown's badly scaled function (f ≈ 1e12,
/// Hessian 2I + …) has every difference at the balanced steps below the resolution of f, and the
/// old result was exactly 0 with Ok. An unresolved coordinate's step grows tenfold, up to four
/// times, until its difference is signal, and one growth further must agree (f is smooth on that
/// scale: a quadratic under a huge constant agrees exactly); otherwise the coordinate keeps its
/// balanced step and the call is <see cref="DerivativeStatus.RoundingLimited"/>. The Hessian is
/// then taken again on the final steps, so every entry comes from one consistent set.</summary>
internal static class HessianRounding
{
    private const double NoiseMultiple = RoundingCheck.NoiseMultiple;
    private const double Resolution = 1e-3;
    private const int MaxGrowths = 4;
    private const double Growth = 10;

    /// <summary>Takes the Hessian again with the current steps[0, n), leaving its values in the
    /// workspace's Values slot; returns the evaluations.</summary>
    internal interface IRetake
    {
        int Retake();
    }

    private enum State
    {
        Resolved,
        Growing,
        Accepted,
        Failed,
    }

    /// <summary>Checks the Hessian just taken (its values in the Values slot, steps in [0, n)),
    /// grows unresolved steps when they are the default ones, and returns the evaluations spent
    /// beyond the first Hessian; <paramref name="roundingLimited"/> tells whether an entry stayed
    /// unresolved.</summary>
    internal static int Check<TRetake>(ReadOnlySpan<double> x, double[] steps, Span<double> hessian, Workspace workspace, int pointCount,
        bool mayGrow, ref TRetake retake, out bool roundingLimited)
        where TRetake : IRetake, allows ref struct
    {
        var n = x.Length;
        roundingLimited = false;
        var scale = Scale(n, steps, hessian, workspace.Span(Workspace.Slot.Values, pointCount));
        if (!AnyUnresolved(n, steps, workspace.Span(Workspace.Slot.Values, pointCount), scale))
            return 0;
        if (!mayGrow)
        {
            roundingLimited = true;
            return 0;
        }
        // The rare path from here on: it may allocate.
        var bound = new double[n];
        Bounds(n, steps, workspace.Span(Workspace.Slot.Values, pointCount), scale, bound);
        var original = steps.AsSpan(0, n).ToArray();
        var candidate = new double[n];
        var candidateRounding = new double[n];
        var state = new State[n];
        for (var i = 0; i < n; i++) state[i] = bound[i] > 0 ? State.Growing : State.Resolved;
        var evaluations = 0;
        for (var growth = 1; growth <= MaxGrowths + 1; growth++)
        {
            var growing = false;
            for (var i = 0; i < n; i++)
                if (state[i] == State.Growing)
                {
                    steps[i] = StepRule.MakeExact(x[i], steps[i] * Growth);
                    growing = true;
                }
            if (!growing) break;
            evaluations += retake.Retake();
            var values = workspace.Span(Workspace.Slot.Values, pointCount);
            for (var i = 0; i < n; i++)
            {
                if (state[i] != State.Growing) continue;
                var (limited, rounding) = Diagonal(values, n, i, steps[i]);
                var value = hessian[i * n + i];
                if (!double.IsNaN(candidate[i]) && candidateRounding[i] > 0)
                {
                    // One growth past the first step whose difference was signal: smooth on this scale?
                    var agree = double.IsFinite(value) && !limited && Math.Abs(value - candidate[i]) <= candidateRounding[i];
                    state[i] = agree ? State.Accepted : State.Failed;
                }
                else if (!limited && double.IsFinite(value))
                {
                    candidate[i] = value;
                    candidateRounding[i] = rounding;
                }
                else if (growth >= MaxGrowths || !double.IsFinite(value))
                {
                    state[i] = State.Failed;
                }
            }
        }
        var changed = false;
        for (var i = 0; i < n; i++)
        {
            if (state[i] == State.Growing) state[i] = State.Failed; // ran out of growths before confirming
            if (state[i] == State.Failed)
            {
                roundingLimited = true;
                changed |= steps[i] != original[i];
                steps[i] = original[i];
            }
        }
        if (changed) evaluations += retake.Retake();
        return evaluations;
    }

    /// <summary>The Hessian's scale: its largest entry, leaving out diagonal entries whose
    /// difference is rounding. An off-diagonal entry made of rounding is as large as the rounding
    /// of the diagonal beside it, so it cannot hide an unresolved diagonal.</summary>
    private static double Scale(int n, double[] steps, Span<double> hessian, ReadOnlySpan<double> values)
    {
        var scale = 0.0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var value = hessian[i * n + j];
                if (!double.IsFinite(value) || (i == j && Diagonal(values, n, i, steps[i]).Limited)) continue;
                scale = Math.Max(scale, Math.Abs(value));
            }
        return scale;
    }

    private static bool AnyUnresolved(int n, double[] steps, ReadOnlySpan<double> values, double scale)
    {
        for (var i = 0; i < n; i++)
        {
            var (limited, rounding) = Diagonal(values, n, i, steps[i]);
            if (limited && rounding > Resolution * scale) return true;
        }
        return false;
    }

    /// <summary>bound[i]: the rounding bound of unresolved diagonal entry i, 0 for resolved ones.</summary>
    private static void Bounds(int n, double[] steps, ReadOnlySpan<double> values, double scale, Span<double> bound)
    {
        for (var i = 0; i < n; i++)
        {
            var (limited, rounding) = Diagonal(values, n, i, steps[i]);
            bound[i] = limited && rounding > Resolution * scale ? rounding : 0;
        }
    }

    /// <summary>Whether diagonal entry i's second difference is rounding, and the rounding bound
    /// 64 ε·Σ|f|/hᵢ² of the entry. Values: f(x) at 0, f(x + hᵢeᵢ) at 1 + i, f(x − hᵢeᵢ) at 1 + n + i.</summary>
    private static (bool Limited, double Rounding) Diagonal(ReadOnlySpan<double> values, int n, int i, double h)
    {
        var centre = values[0];
        var plus = values[1 + i];
        var minus = values[1 + n + i];
        var noise = Math.Abs(plus) + Math.Abs(minus) + 2 * Math.Abs(centre);
        if (!double.IsFinite(noise) || noise == 0) return (false, 0);
        var rounding = NoiseMultiple * StepRule.MachineEpsilon * noise / (h * h);
        var sum = (plus + minus) - 2 * centre;
        if (Math.Abs(sum) > NoiseMultiple * StepRule.MachineEpsilon * noise) return (false, rounding);
        // An odd function at its centre (f(x ± h) = ±v, f(x) = 0) cancels exactly: f″ is 0.
        if (plus == -minus && centre == 0) return (false, rounding);
        return (true, rounding);
    }
}

namespace DiffNative;

/// <summary>Fixed-step second derivatives' honesty about rounding (the dense Hessian and its
/// diagonal). A diagonal entry's second difference Σ wⱼ f(x + oⱼhᵢeᵢ) that is within 64 ε of the
/// values it adds is rounding, and the entry is unresolved when that rounding, 64 ε·Σ|wⱼfⱼ|/hᵢ², is
/// more than a thousandth of the result's scale (its largest entry but unresolved diagonal ones):
/// x₀x₁'s zero diagonal is resolved to 4e-6 of its unit off-diagonal and left alone; Brown's badly
/// scaled function (f ≈ 1e12, Hessian 4I at (1, 1)) has every difference at the balanced steps
/// below the resolution of f, and the old result was exactly 0 with Ok. An unresolved coordinate's
/// step grows tenfold, up to four times, until its difference is signal, and one growth further
/// must agree (f is smooth on that scale: a quadratic under a huge constant agrees exactly);
/// otherwise the coordinate keeps its balanced step and the call is
/// <see cref="DerivativeStatus.RoundingLimited"/>. The result is then taken again on the final
/// steps, so every entry comes from one consistent set.</summary>
internal static class HessianRounding
{
    private const double NoiseMultiple = RoundingCheck.NoiseMultiple;
    private const double Resolution = 1e-3;
    private const int MaxGrowths = 4;
    private const double Growth = 10;

    /// <summary>A second-derivative result as the check sees it, right after it was taken.</summary>
    internal interface ITake
    {
        /// <summary>Takes the result again with the current steps[0, n); returns the evaluations.</summary>
        int Retake();

        /// <summary>Whether diagonal entry i's second difference at step h is rounding, and its
        /// rounding bound 64 ε·Σ|wⱼfⱼ|/h².</summary>
        (bool Limited, double Rounding) Diagonal(int i, double h);

        /// <summary>Diagonal entry i as taken.</summary>
        double DiagonalValue(int i);

        /// <summary>f(x) as taken.</summary>
        double Centre();

        /// <summary>The largest finite |entry| off the diagonal (0 when there are none).</summary>
        double OffDiagonalScale();

        /// <summary>|f(x + heᵢ) − f(x − heᵢ)|/(2h) as taken, or 0 when that difference is at the
        /// level of rounding: the slope along axis i, where it can be seen at all.</summary>
        double Slope(int i, double h);
    }

    private enum State
    {
        Resolved,
        Growing,
        Accepted,
        /// <summary>Rounding through every growth: zero as far as the differences can tell.</summary>
        Zero,
        Failed,
    }

    /// <summary>Checks the result just taken (steps in [0, n)), grows unresolved steps when they are
    /// the default ones, and returns the evaluations spent beyond the first take;
    /// <paramref name="roundingLimited"/> tells whether an entry stayed unresolved.</summary>
    internal static int Check<TTake>(ReadOnlySpan<double> x, double[] steps, bool mayGrow, ref TTake take, out bool roundingLimited)
        where TTake : ITake, allows ref struct
    {
        var n = x.Length;
        roundingLimited = false;
        var scale = Scale(n, steps, ref take);
        if (!AnyUnresolved(n, steps, scale, ref take))
            return 0;
        if (!mayGrow)
        {
            roundingLimited = true;
            return 0;
        }
        // The rare path from here on: it may allocate.
        var state = new State[n];
        for (var i = 0; i < n; i++)
        {
            var (limited, rounding) = take.Diagonal(i, steps[i]);
            state[i] = limited && rounding > Resolution * scale ? State.Growing : State.Resolved;
        }
        var original = steps.AsSpan(0, n).ToArray();
        var candidate = new double[n];
        var candidateRounding = new double[n];
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
            evaluations += take.Retake();
            for (var i = 0; i < n; i++)
            {
                if (state[i] != State.Growing) continue;
                var (limited, rounding) = take.Diagonal(i, steps[i]);
                var value = take.DiagonalValue(i);
                if (candidateRounding[i] > 0)
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
                    state[i] = double.IsFinite(value) ? State.Zero : State.Failed;
                }
            }
        }
        JudgeZeros(n, steps, state, ref take);
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
        if (changed) evaluations += take.Retake();
        return evaluations;
    }

    /// <summary>An entry whose second difference stayed rounding up to 10⁴ times the balanced step
    /// has |∂ᵢ²f| below that rounding, 64 ε·Σ|wⱼfⱼ|/h². It is kept, at its largest step, when that
    /// bound is within the resolution of the rest of the result, or when f visibly changes along
    /// the axis there and the bound moves its slope over the step by at most a millionth: a linear
    /// direction (x₀x₁ along either axis, whose zero diagonal was reported rounding-limited).
    /// Otherwise it fails: f that barely changes at all (1e15 + 1e-8x², or a constant) says
    /// nothing about its curvature.</summary>
    private static void JudgeZeros<TTake>(int n, double[] steps, State[] state, ref TTake take)
        where TTake : ITake, allows ref struct
    {
        var scale = take.OffDiagonalScale();
        for (var i = 0; i < n; i++)
            if (state[i] is State.Resolved or State.Accepted && double.IsFinite(take.DiagonalValue(i)))
                scale = Math.Max(scale, Math.Abs(take.DiagonalValue(i)));
        for (var i = 0; i < n; i++)
        {
            if (state[i] != State.Zero) continue;
            var rounding = take.Diagonal(i, steps[i]).Rounding;
            var linear = rounding * steps[i] <= 1e-6 * take.Slope(i, steps[i]);
            state[i] = rounding <= Resolution * scale || linear ? State.Accepted : State.Failed;
        }
    }

    /// <summary>The result's scale: its largest entry, leaving out diagonal entries whose
    /// difference is rounding. An off-diagonal entry made of rounding is as large as the rounding
    /// of the diagonal beside it, so it cannot hide an unresolved diagonal.</summary>
    private static double Scale<TTake>(int n, double[] steps, ref TTake take)
        where TTake : ITake, allows ref struct
    {
        var scale = take.OffDiagonalScale();
        for (var i = 0; i < n; i++)
        {
            var value = take.DiagonalValue(i);
            if (double.IsFinite(value) && !take.Diagonal(i, steps[i]).Limited) scale = Math.Max(scale, Math.Abs(value));
        }
        return scale;
    }

    private static bool AnyUnresolved<TTake>(int n, double[] steps, double scale, ref TTake take)
        where TTake : ITake, allows ref struct
    {
        for (var i = 0; i < n; i++)
        {
            var (limited, rounding) = take.Diagonal(i, steps[i]);
            if (limited && rounding > Resolution * scale) return true;
        }
        return false;
    }

    /// <summary>The judgement of one second difference: samples fⱼ at the stencil's offsets with
    /// weights wⱼ (centre included), its sum Σ wⱼfⱼ as taken.</summary>
    internal static (bool Limited, double Rounding) Judge(double sum, double noise, bool oddCancellation, double h)
    {
        if (!double.IsFinite(noise) || noise == 0) return (false, 0);
        var rounding = NoiseMultiple * StepRule.MachineEpsilon * noise / (h * h);
        if (!RoundingCheck.AtRoundingLevel(sum, noise)) return (false, rounding);
        // An odd function at its centre (f(x ± oh) = ±v, f(x) = 0) cancels exactly: f″ is 0.
        return (!oddCancellation, rounding);
    }
}

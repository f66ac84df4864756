namespace DiffNative;

/// <summary>Whether a difference is made of rounding: its points are not apart in double (x + h ==
/// x), or the weighted sum Σ wⱼ f(x + oⱼh) is within a few dozen rounding errors of the values it
/// adds, so that the estimate keeps less than about two correct digits (Brown's badly scaled
/// function: f ≈ 1e12 whose second differences at the balanced step are 1e-8). A sum that is 0
/// because the samples are exactly symmetric (an even function's first derivative at its centre,
/// an odd function's second) is exact, not noise.</summary>
internal static class RoundingCheck
{
    /// <summary>|Σ wⱼfⱼ| at or below this many ε·Σ|wⱼfⱼ| is rounding-limited: the rounding error
    /// of the sum is then at least 1/64 of it.</summary>
    internal const double NoiseMultiple = 64;

    /// <summary>A sum within <see cref="NoiseMultiple"/> rounding errors of the Σ|wⱼfⱼ| it came from.</summary>
    internal static bool AtRoundingLevel(double sum, double noise) => Math.Abs(sum) <= NoiseMultiple * StepRule.MachineEpsilon * noise;

    /// <summary>|plus − minus|/(2h), or 0 when the difference is at the level of rounding: the slope
    /// between two samples, where it can be seen at all.</summary>
    internal static double Slope(double plus, double minus, double h)
    {
        var difference = plus - minus;
        return AtRoundingLevel(difference, Math.Abs(plus) + Math.Abs(minus)) ? 0 : Math.Abs(difference) / (2 * h);
    }

    /// <summary>The rounding a stencil's estimate can carry: <see cref="NoiseMultiple"/> ε of the
    /// largest |f| it sampled, amplified by Σ|wⱼ| and 1/hᵈ.</summary>
    internal static double Bound(Stencil stencil, double functionScale, double h) =>
        NoiseMultiple * StepRule.MachineEpsilon * functionScale * stencil.WeightSum / StencilEvaluation.PowerOfStep(h, stencil.Derivative);

    /// <summary>x plus the stencil's nearest non-zero offset times h is x itself.</summary>
    internal static bool IsBelowResolution(double x, double h, Stencil stencil)
    {
        var nearest = stencil.Nearest;
        return nearest > 0 && (x + nearest * h == x || x - nearest * h == x);
    }

    /// <summary>values[j] is f at offset j (anything where the weight is 0); sum is Σ wⱼ·values[j]
    /// as the caller added it; centre is f(x) when the caller has it (NaN otherwise).</summary>
    internal static Verdict Judge(Stencil stencil, ReadOnlySpan<double> values, double sum)
    {
        var weights = stencil.Weights;
        var noise = 0.0;
        for (var j = 0; j < values.Length; j++)
            if (weights[j] != 0) noise += Math.Abs(weights[j] * values[j]);
        // All values 0 (noise 0) is an exact answer, not a rounded one.
        if (!double.IsFinite(noise) || noise == 0) return Verdict.Signal;
        if (!AtRoundingLevel(sum, noise)) return Verdict.Signal;
        return Pairs(stencil, values) switch
        {
            Symmetry.Cancelling => Verdict.Signal,
            Symmetry.Equal => Verdict.NeedsCentre,
            _ => Verdict.Rounding,
        };
    }

    /// <summary>A sum at rounding level whose pairs cancel exactly (an odd derivative's
    /// f(x + oh) == f(x − oh)) is exact if f(x) differs from them (cos′ at 0), and flat if not
    /// (1e12 + x, whose samples all round to one double).</summary>
    internal static Verdict JudgeWithCentre(ReadOnlySpan<double> values, Stencil stencil, double centre)
    {
        for (var j = 0; j < values.Length; j++)
            if (stencil.Weights[j] != 0 && values[j] != centre) return Verdict.Signal;
        return Verdict.Rounding;
    }

    internal enum Verdict
    {
        /// <summary>The sum is well above the rounding of its terms, or exact.</summary>
        Signal,

        /// <summary>The sum is rounding: the estimate keeps under two correct digits.</summary>
        Rounding,

        /// <summary>An odd derivative whose mirrored samples are equal: f(x) tells exact symmetry
        /// from flatness.</summary>
        NeedsCentre,
    }

    private enum Symmetry
    {
        None,

        /// <summary>Mirrored samples cancel exactly and not all samples are one value.</summary>
        Cancelling,

        /// <summary>An odd derivative's mirrored samples are equal, and so are all of them.</summary>
        Equal,
    }

    /// <summary>A central stencil's samples that make its sum exactly 0: f(x + oh) == f(x − oh) for
    /// an odd derivative, f(x + oh) == −f(x − oh) (and f(x) == 0) for an even one. Samples that are
    /// all one value cancel too, but so does a function flat to rounding over the step.</summary>
    private static Symmetry Pairs(Stencil stencil, ReadOnlySpan<double> values)
    {
        if (stencil.Scheme != DifferenceScheme.Central) return Symmetry.None;
        var odd = stencil.Derivative % 2 == 1;
        var n = values.Length;
        var first = double.NaN;
        var allEqual = true;
        for (var j = 0; j <= (n - 1) / 2; j++)
        {
            var mirror = n - 1 - j;
            if (stencil.Weights[j] == 0 && stencil.Weights[mirror] == 0) continue;
            if (j == mirror)
            {
                if (!odd && values[j] != 0) return Symmetry.None;
            }
            else if (odd ? values[j] != values[mirror] : values[j] != -values[mirror])
            {
                return Symmetry.None;
            }
            if (double.IsNaN(first)) first = values[j];
            allEqual &= values[j] == first && values[mirror] == first;
        }
        // An even derivative's cancelling pairs are ±v, never all one value unless all 0.
        return odd && allEqual ? Symmetry.Equal : Symmetry.Cancelling;
    }
}

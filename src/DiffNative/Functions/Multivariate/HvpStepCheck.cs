namespace DiffNative;

/// <summary>The default fixed-step Hessian-vector product's check of its steps, from 4n more
/// evaluations: the same product at twice every step (2t along v, 2hᵢ along each axis). Both
/// errors are second order, so P(h) − P(2h) is three times P(h)'s error for a smooth f; an entry
/// whose estimate exceeds a hundred times what balanced steps leave (√ε of its size) means a step
/// too long for the scale f varies on (sin(1e5x) at 0: the product was 1,200 times too small,
/// with Ok). Then t and the suspect coordinates' steps shrink fourfold and the product is taken
/// again, up to <see cref="MaxShrinks"/> times; an entry still suspect makes the result
/// NotConverged; f not finite at twice the steps makes it NonFinite. An entry whose two products differ by no more than the rounding of f over the
/// steps says nothing about them. A user's steps and bounds skip the check (as do the optimisers,
/// without <see cref="DifferentiationOptions.CheckDifferentiability"/>).</summary>
internal static class HvpStepCheck
{
    internal const int MaxShrinks = 4;

    /// <summary>Whether entry i's steps are too long: <paramref name="near"/> and <paramref name="far"/>
    /// the products at the steps and at twice them, <paramref name="rounding"/> the rounding of the
    /// near one (ε·|f| over t·hᵢ), <paramref name="natural"/> the entry's natural size (|f| over
    /// the scales of xᵢ and of the line along v).</summary>
    internal static bool Suspect(double near, double far, double rounding, double natural)
    {
        var difference = Math.Abs(near - far);
        if (difference <= 4 * rounding) return false;
        return !(difference / 3 <= HessianStepCheck.Tolerance * Math.Max(Math.Abs(near), natural));
    }

    /// <summary>Checks the product just taken at step <paramref name="t"/> along v and steps[0, n)
    /// (<paramref name="nearScale"/> the largest |f| it met), shrinking the steps and taking it
    /// again while an entry is suspect; <paramref name="natural"/> holds each entry's natural size
    /// per unit of |f|. Returns the evaluations spent.</summary>
    internal static int Run<TTake>(ReadOnlySpan<double> x, double t, double nearScale, double[] steps, Span<double> product, Span<double> far,
        ReadOnlySpan<double> natural, ref TTake take, out DerivativeStatus status)
        where TTake : ITake, allows ref struct
    {
        var n = x.Length;
        var evaluations = 0;
        for (var shrink = 0; ; shrink++)
        {
            for (var i = 0; i < n; i++) steps[i] = StepRule.MakeExact(x[i], 2 * steps[i]);
            evaluations += take.Product(2 * t, far, out var farScale);
            for (var i = 0; i < n; i++) steps[i] = StepRule.MakeExact(x[i], steps[i] / 2);
            // f not finite within twice the steps is not finite near x, as anywhere else.
            if (!Vectors.AllFinite(far))
            {
                status = DerivativeStatus.NonFinite;
                return evaluations;
            }
            var suspects = 0;
            for (var i = 0; i < n; i++)
            {
                var rounding = StepRule.MachineEpsilon * Math.Max(nearScale, farScale) / (t * steps[i]);
                if (!Suspect(product[i], far[i], rounding, natural[i] * nearScale)) continue;
                suspects++;
                if (shrink < MaxShrinks) steps[i] = StepRule.MakeExact(x[i], steps[i] / 4);
            }
            status = suspects == 0 ? DerivativeStatus.Ok : DerivativeStatus.NotConverged;
            if (suspects == 0 || shrink == MaxShrinks) return evaluations;
            t /= 4;
            evaluations += take.Product(t, product, out nearScale);
        }
    }

    /// <summary>The product at step t along v and the current steps[0, n).</summary>
    internal interface ITake
    {
        /// <summary>Writes the product into <paramref name="into"/>; returns the evaluations and in
        /// <paramref name="functionScale"/> the largest finite |f| met.</summary>
        int Product(double t, Span<double> into, out double functionScale);
    }
}

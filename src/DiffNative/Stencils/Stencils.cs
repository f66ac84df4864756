using System.Runtime.CompilerServices;

namespace DiffNative;

/// <summary>The standard stencils, built once per (scheme, derivative, accuracy) and shared.
/// Central stencils have 2⌊(d+1)/2⌋−1+p points, one-sided ones d+p (Fornberg's tables).</summary>
public static class Stencils
{
    // [scheme, derivative, accuracy]: a plain array lookup, because gradients of cheap functions
    // fetch a stencil on every call. Entries are built on first use; a race builds the same thing twice.
    private static readonly Stencil?[,,] Cache = new Stencil?[3, MaxDerivative + 1, 9];

    /// <summary>Highest derivative order the differentiation engine offers.</summary>
    public const int MaxDerivative = 4;

    /// <summary>The stencil for a scheme, derivative order 1..4 and accuracy order (central 2, 4, 6,
    /// 8; one-sided 1..6).</summary>
    public static Stencil Get(DifferenceScheme scheme, int derivative, int accuracy)
    {
        Validate(scheme, derivative, accuracy);
        return Cache[(int)scheme, derivative, accuracy] ??= Build(scheme, derivative, accuracy);
    }

    // First-derivative stencils again, by FirstDerivativeKey: the per-call lookup of the
    // gradient loop, whose options were validated already.
    private static readonly Stencil?[] FirstDerivativeCache = new Stencil?[FirstDerivativeKeys];

    /// <summary>How many values <see cref="FirstDerivativeKey"/> takes.</summary>
    internal const int FirstDerivativeKeys = 3 * 9;

    /// <summary>A plain array index for a validated (scheme, accuracy): scheme·9 + accuracy, so
    /// that per-call tables need no dictionary.</summary>
    internal static int FirstDerivativeKey(DifferenceScheme scheme, int accuracy) => (int)scheme * 9 + accuracy;

    /// <summary><see cref="Get"/> for derivative order 1 without the argument checks: for callers
    /// whose scheme and accuracy were validated.</summary>
    internal static Stencil FirstDerivative(DifferenceScheme scheme, int accuracy) =>
        FirstDerivativeCache[FirstDerivativeKey(scheme, accuracy)] ??= Get(scheme, 1, accuracy);

    /// <summary>Whether <paramref name="accuracy"/> is offered for <paramref name="scheme"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSupportedAccuracy(DifferenceScheme scheme, int accuracy) => scheme == DifferenceScheme.Central
        ? accuracy is 2 or 4 or 6 or 8
        : accuracy is >= 1 and <= 6;

    private static void Validate(DifferenceScheme scheme, int derivative, int accuracy)
    {
        if ((uint)scheme > (uint)DifferenceScheme.Backward)
            throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Not a difference scheme.");
        if (derivative is < 1 or > MaxDerivative)
            throw new ArgumentOutOfRangeException(nameof(derivative), derivative, $"The derivative order must be 1..{MaxDerivative}.");
        if (!IsSupportedAccuracy(scheme, accuracy))
            throw new ArgumentOutOfRangeException(nameof(accuracy), accuracy, scheme == DifferenceScheme.Central
                ? "Central stencils have accuracy 2, 4, 6 or 8."
                : "One-sided stencils have accuracy 1 to 6.");
    }

    private static Stencil Build(DifferenceScheme scheme, int derivative, int accuracy)
    {
        double[] offsets;
        if (scheme == DifferenceScheme.Central)
        {
            var points = 2 * ((derivative + 1) / 2) - 1 + accuracy;
            var half = (points - 1) / 2;
            offsets = Enumerable.Range(-half, points).Select(i => (double)i).ToArray();
        }
        else
        {
            var points = derivative + accuracy;
            offsets = Enumerable.Range(0, points)
                .Select(i => scheme == DifferenceScheme.Forward ? (double)i : i - (points - 1.0)).ToArray();
        }
        // The managed reference, so that a stencil never depends on the native library loading;
        // small integer offsets are never refused.
        var weights = new double[offsets.Length];
        Reference.FiniteDifferenceWeightsReference.Compute(derivative, offsets, 0, weights, out _);
        return new Stencil(scheme, derivative, accuracy, offsets, weights);
    }
}

namespace DiffNative.Interop;

/// <summary>Finite-difference weights (api_stencil.c).</summary>
internal static unsafe partial class NativeCore
{
    /// <summary>False when dn_finite_difference_weights refuses arguments the caller has validated:
    /// the offsets are not exact relative to <paramref name="at"/> or a weight leaves the range of
    /// double; the caller explains which (the managed reference refuses the same ones).</summary>
    internal static bool FiniteDifferenceWeights(int derivative, ReadOnlySpan<double> offsets, double at, Span<double> weights)
    {
        fixed (double* x = offsets)
        fixed (double* w = weights)
        {
            var status = NativeMethods.dn_finite_difference_weights(derivative, x, (nuint)offsets.Length, at, w, (nuint)weights.Length);
            if (status == DnStatus.InvalidArgument) return false;
            Ensure.Success(status, "dn_finite_difference_weights");
            return true;
        }
    }
}

namespace DiffNative.Interop;

/// <summary>The float activation and softmax entry points.</summary>
internal static unsafe partial class NativeCore
{
    internal static void ActivateF32(Isa? isa, int kind, double alpha, ReadOnlySpan<float> x, Span<float> value, Span<float> derivative)
    {
        fixed (float* px = x)
        fixed (float* pv = value)
        fixed (float* pd = derivative)
            Ensure.Success(NativeMethods.dn_activate_f32((int)(isa ?? 0), kind, alpha, px, (nuint)x.Length,
                value.IsEmpty ? null : pv, (nuint)value.Length, derivative.IsEmpty ? null : pd, (nuint)derivative.Length), "dn_activate_f32");
    }

    internal static void ActivateBackwardF32(Isa? isa, int kind, double alpha, ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> gradient)
    {
        fixed (float* px = x)
        fixed (float* pu = upstream)
        fixed (float* pg = gradient)
            Ensure.Success(NativeMethods.dn_activate_backward_f32((int)(isa ?? 0), kind, alpha, px, pu, (nuint)x.Length, pg, (nuint)gradient.Length),
                "dn_activate_backward_f32");
    }

    internal static void SoftmaxF32(Isa? isa, bool logForm, ReadOnlySpan<float> x, int rows, int cols, Span<float> y)
    {
        fixed (float* px = x)
        fixed (float* py = y)
            Ensure.Success(NativeMethods.dn_softmax_f32((int)(isa ?? 0), logForm ? 1 : 0, px, (nuint)rows, (nuint)cols, py, (nuint)y.Length), "dn_softmax_f32");
    }

    internal static void SoftmaxBackwardF32(Isa? isa, bool logForm, ReadOnlySpan<float> y, ReadOnlySpan<float> upstream, int rows, int cols, Span<float> dx)
    {
        fixed (float* py = y)
        fixed (float* pg = upstream)
        fixed (float* pd = dx)
            Ensure.Success(NativeMethods.dn_softmax_backward_f32((int)(isa ?? 0), logForm ? 1 : 0, py, pg, (nuint)rows, (nuint)cols, pd, (nuint)dx.Length),
                "dn_softmax_backward_f32");
    }
}

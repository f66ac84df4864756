using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DiffNative.Interop;

/// <summary>Activations and softmax (api_machine_learning.c). One generic wrapper serves each double
/// entry point and its _f32 twin: typeof(T) is a constant to the JIT, so each instantiation keeps
/// only its own call. Spans are pinned as bytes, which needs only T : struct, the constraint of
/// the callers' element types.</summary>
internal static unsafe partial class NativeCore
{
    /// <summary>An empty output span means "not wanted" (a null pointer).</summary>
    internal static void Activate<T>(Isa? isa, int kind, double alpha, ReadOnlySpan<T> x, Span<T> value, Span<T> derivative)
        where T : struct
    {
        fixed (byte* px = MemoryMarshal.AsBytes(x))
        fixed (byte* pvalue = MemoryMarshal.AsBytes(value))
        fixed (byte* pderivative = MemoryMarshal.AsBytes(derivative))
        {
            byte* pv = value.IsEmpty ? null : pvalue, pd = derivative.IsEmpty ? null : pderivative;
            if (IsDouble<T>())
                Ensure.Success(NativeMethods.dn_activate((int)(isa ?? 0), kind, alpha, (double*)px, (nuint)x.Length,
                    (double*)pv, (nuint)value.Length, (double*)pd, (nuint)derivative.Length), "dn_activate");
            else
                Ensure.Success(NativeMethods.dn_activate_f32((int)(isa ?? 0), kind, alpha, (float*)px, (nuint)x.Length,
                    (float*)pv, (nuint)value.Length, (float*)pd, (nuint)derivative.Length), "dn_activate_f32");
        }
    }

    /// <summary>Float only: the C API fuses f′ and the product in double with one rounding for
    /// floats, where a double caller multiplies the derivative itself.</summary>
    internal static void ActivateBackwardF32(Isa? isa, int kind, double alpha, ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> gradient)
    {
        fixed (float* px = x)
        fixed (float* pu = upstream)
        fixed (float* pg = gradient)
            Ensure.Success(NativeMethods.dn_activate_backward_f32((int)(isa ?? 0), kind, alpha, px, pu, (nuint)x.Length, pg, (nuint)gradient.Length),
                "dn_activate_backward_f32");
    }

    internal static void Softmax<T>(Isa? isa, bool logForm, ReadOnlySpan<T> x, int rows, int cols, Span<T> y) where T : struct
    {
        fixed (byte* px = MemoryMarshal.AsBytes(x))
        fixed (byte* py = MemoryMarshal.AsBytes(y))
        {
            if (IsDouble<T>())
                Ensure.Success(NativeMethods.dn_softmax((int)(isa ?? 0), logForm ? 1 : 0, (double*)px, (nuint)rows, (nuint)cols,
                    (double*)py, (nuint)y.Length), "dn_softmax");
            else
                Ensure.Success(NativeMethods.dn_softmax_f32((int)(isa ?? 0), logForm ? 1 : 0, (float*)px, (nuint)rows, (nuint)cols,
                    (float*)py, (nuint)y.Length), "dn_softmax_f32");
        }
    }

    internal static void SoftmaxBackward<T>(Isa? isa, bool logForm, ReadOnlySpan<T> y, ReadOnlySpan<T> upstream, int rows, int cols, Span<T> dx)
        where T : struct
    {
        fixed (byte* py = MemoryMarshal.AsBytes(y))
        fixed (byte* pg = MemoryMarshal.AsBytes(upstream))
        fixed (byte* pd = MemoryMarshal.AsBytes(dx))
        {
            if (IsDouble<T>())
                Ensure.Success(NativeMethods.dn_softmax_backward((int)(isa ?? 0), logForm ? 1 : 0, (double*)py, (double*)pg,
                    (nuint)rows, (nuint)cols, (double*)pd, (nuint)dx.Length), "dn_softmax_backward");
            else
                Ensure.Success(NativeMethods.dn_softmax_backward_f32((int)(isa ?? 0), logForm ? 1 : 0, (float*)py, (float*)pg,
                    (nuint)rows, (nuint)cols, (float*)pd, (nuint)dx.Length), "dn_softmax_backward_f32");
        }
    }

    /// <summary>True for double, false for float; the kernels take no other element type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDouble<T>() => typeof(T) == typeof(double) ? true
        : typeof(T) == typeof(float) ? false
        : throw new NotSupportedException($"The native kernels take double or float, not {typeof(T).Name}.");
}

namespace DiffNative.Reference;

/// <summary>Managed references of the float activation and softmax kernels: the double reference on
/// widened values, each result rounded once to float, which is what native/src/kernels/*_f32.c do.
/// Widening is exact and the double references give the native kernels' bits, so these do too (the
/// canonical double NaN narrows to float.NaN).</summary>
internal static class FloatReference
{
    private const int Piece = 256;

    /// <summary>Value and/or derivative of <paramref name="kind"/> at each x; an empty output is
    /// not written. Each piece of x is widened before anything is written, so outputs may be x.</summary>
    internal static void Apply(ActivationKind kind, double alpha, ReadOnlySpan<float> x, Span<float> value, Span<float> derivative)
    {
        Span<double> xd = stackalloc double[Piece], vd = stackalloc double[Piece], dd = stackalloc double[Piece];
        for (var start = 0; start < x.Length; start += Piece)
        {
            var n = Math.Min(Piece, x.Length - start);
            Widen(x.Slice(start, n), xd);
            ActivationReference.Apply(kind, alpha, xd[..n], value.IsEmpty ? default : vd[..n], derivative.IsEmpty ? default : dd[..n]);
            if (!value.IsEmpty) Narrow(vd[..n], value.Slice(start, n));
            if (!derivative.IsEmpty) Narrow(dd[..n], derivative.Slice(start, n));
        }
    }

    /// <summary>gradient = upstream·f′(x), the product in double, rounded once.</summary>
    internal static void Backward(ActivationKind kind, double alpha, ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> gradient)
    {
        Span<double> xd = stackalloc double[Piece], dd = stackalloc double[Piece];
        for (var start = 0; start < x.Length; start += Piece)
        {
            var n = Math.Min(Piece, x.Length - start);
            Widen(x.Slice(start, n), xd);
            ActivationReference.Apply(kind, alpha, xd[..n], default, dd[..n]);
            for (var i = 0; i < n; i++) gradient[start + i] = (float)VectorMathReference.CanonicalNan(upstream[start + i] * dd[i]);
        }
    }

    internal static void SoftmaxForward(bool logForm, ReadOnlySpan<float> x, int cols, Span<float> y)
    {
        var xd = WideningPool.Arrays.Rent(cols);
        var yd = WideningPool.Arrays.Rent(cols);
        for (var start = 0; start < x.Length; start += cols)
        {
            Widen(x.Slice(start, cols), xd);
            SoftmaxReference.Forward(logForm, xd.AsSpan(0, cols), cols, yd.AsSpan(0, cols));
            Narrow(yd.AsSpan(0, cols), y.Slice(start, cols));
        }
        WideningPool.Arrays.Return(xd);
        WideningPool.Arrays.Return(yd);
    }

    internal static void SoftmaxBackward(bool logForm, ReadOnlySpan<float> y, ReadOnlySpan<float> upstream, int cols, Span<float> dx)
    {
        var yd = WideningPool.Arrays.Rent(cols);
        var gd = WideningPool.Arrays.Rent(cols);
        for (var start = 0; start < y.Length; start += cols)
        {
            Widen(y.Slice(start, cols), yd);
            Widen(upstream.Slice(start, cols), gd);
            SoftmaxReference.Backward(logForm, yd.AsSpan(0, cols), gd.AsSpan(0, cols), cols, gd.AsSpan(0, cols));
            Narrow(gd.AsSpan(0, cols), dx.Slice(start, cols));
        }
        WideningPool.Arrays.Return(yd);
        WideningPool.Arrays.Return(gd);
    }

    private static void Widen(ReadOnlySpan<float> source, Span<double> destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = source[i];
    }

    private static void Narrow(ReadOnlySpan<double> source, Span<float> destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = (float)source[i];
    }
}

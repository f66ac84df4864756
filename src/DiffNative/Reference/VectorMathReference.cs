using System.Runtime.CompilerServices;

namespace DiffNative.Reference;

/// <summary>The library's own e^x, e^x − 1 and log(1 + t), with the operations of
/// native/src/kernels/vmath.h in the same order, so managed and native results share their bits.
/// .NET's Math.Exp is not used: it differs from every libm in the last bit now and then.</summary>
internal static class VectorMathReference
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 0.6931471805599453;
    private const double Ln2Lo = 2.3190468138462996e-17;
    private const double RoundShift = 6755399441055744.0; // 1.5·2^52: (v + s) − s rounds to an integer, ties to even
    private const double ExpFloor = -746.0;                // e^-746 rounds to 0
    private const double ExpOffset = 512.0;                // 2^k = 2^(k + 512)·2^−512, the first factor normal
    private const double ExpUnscale = 7.458340731200207e-155; // 2^−512

    /// <summary>The common core of e^(x + low) for x ≤ 0 or NaN, x first raised to
    /// <paramref name="lowest"/> (dn_exp_neg_reduce): returns q = e^r − 1 and
    /// <paramref name="scale"/> = 2^(k + 512), so that e^x = (1 + q)·scale·2^−512 with one rounding,
    /// and only for subnormal results.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ExpNegativeReduce(double x, double low, bool hasLow, double lowest, out double scale)
    {
        x = lowest > x ? lowest : x;
        var k = (x * Log2E + RoundShift) - RoundShift;
        var r = Math.FusedMultiplyAdd(k, -Ln2Hi, x);
        r = Math.FusedMultiplyAdd(k, -Ln2Lo, r);
        if (hasLow) r += low;
        var p = 2.510038319586702e-08;
        p = Math.FusedMultiplyAdd(p, r, 2.7620085455018414e-07);
        p = Math.FusedMultiplyAdd(p, r, 2.7557268464831627e-06);
        p = Math.FusedMultiplyAdd(p, r, 2.4801521302241082e-05);
        p = Math.FusedMultiplyAdd(p, r, 0.00019841269863050506);
        p = Math.FusedMultiplyAdd(p, r, 0.001388888891720967);
        p = Math.FusedMultiplyAdd(p, r, 0.008333333333330063);
        p = Math.FusedMultiplyAdd(p, r, 0.041666666666624136);
        p = Math.FusedMultiplyAdd(p, r, 0.16666666666666669);
        p = Math.FusedMultiplyAdd(p, r, 0.5000000000000001);
        scale = Pow2(k + ExpOffset);
        return Math.FusedMultiplyAdd(p, r * r, r);               // e^r − 1
    }

    /// <summary>e^x and e^x − 1 for x ≤ 0 or NaN; <paramref name="low"/> is added to the reduced
    /// argument when <paramref name="hasLow"/> (the low half of a double-double argument).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ExpNegative(double x, double low, bool hasLow, out double expm1)
    {
        var q = ExpNegativeReduce(x, low, hasLow, ExpFloor, out var scale);
        var u = q + 1.0;
        var t = scale * ExpUnscale;
        expm1 = Math.FusedMultiplyAdd(t, q, t - 1.0);
        return u * scale * ExpUnscale;
    }

    /// <summary>e^x·f from <see cref="ExpNegativeReduce"/>'s parts (dn_exp_times): f + q·f rounded
    /// once, 2^k applied last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ExpTimes(double q, double scale, double f) => Math.FusedMultiplyAdd(q, f, f) * scale * ExpUnscale;

    /// <summary>log(1 + t) for t ≥ 0 (finite) or NaN: u = 1 + t = 2^k·m, m in [√2/2, √2),
    /// log m = 2·atanh(s) from its series, and the rounding error of 1 + t added back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Log1p(double t)
    {
        var u = t + 1.0;
        var c = (t - (u - 1.0)) / u;
        var m = SplitExponent(u, out var k);
        var f = m - 1.0;
        var s = f / (f + 2.0);
        var z = s * s;
        var p = 0.09523809523809523;                             // 2/21
        p = Math.FusedMultiplyAdd(p, z, 0.10526315789473684);    // 2/19
        p = Math.FusedMultiplyAdd(p, z, 0.11764705882352941);    // 2/17
        p = Math.FusedMultiplyAdd(p, z, 0.13333333333333333);    // 2/15
        p = Math.FusedMultiplyAdd(p, z, 0.15384615384615385);    // 2/13
        p = Math.FusedMultiplyAdd(p, z, 0.18181818181818182);    // 2/11
        p = Math.FusedMultiplyAdd(p, z, 0.2222222222222222);     // 2/9
        p = Math.FusedMultiplyAdd(p, z, 0.2857142857142857);     // 2/7
        p = Math.FusedMultiplyAdd(p, z, 0.4);                    // 2/5
        p = Math.FusedMultiplyAdd(p, z, 0.6666666666666666);     // 2/3
        var r = z * p;
        var lo = Math.FusedMultiplyAdd(k, Ln2Lo, c);
        lo = Math.FusedMultiplyAdd(s, r, lo);
        var y = lo + (s + s);
        return Math.FusedMultiplyAdd(k, Ln2Hi, y);
    }

    /// <summary>The NaN every activation, softmax and loss returns, whichever NaN came in or arose:
    /// sign set, quiet bit only (0xFFF8000000000000), the bits of .NET's double.NaN and x86's default
    /// NaN; rounded to float it is float.NaN (0xFFC00000). One NaN makes results the same bits on
    /// every backend, since which operand's NaN an operation keeps differs between them.</summary>
    internal const ulong CanonicalNanBits = 0xFFF8_0000_0000_0000;

    /// <summary>v, or the canonical NaN when v is NaN (dn_canonical_nan).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double CanonicalNan(double v) => double.IsNaN(v) ? BitConverter.UInt64BitsToDouble(CanonicalNanBits) : v;

    /// <summary>x &lt; lo ? lo : (x &gt; hi ? hi : x); NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Clamp(double x, double lo, double hi) => x < lo ? lo : (x > hi ? hi : x);

    /// <summary>2^k for integral k in [−1022, 1023], built in the exponent field as the native
    /// code builds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Pow2(double k) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(k + 4503599627371519.0) << 52);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SplitExponent(double u, out double k)
    {
        var bits = BitConverter.DoubleToUInt64Bits(u);
        var tmp = bits - 0x3fe6a09e667f3bcdUL;
        k = BitConverter.UInt64BitsToDouble((tmp >> 52) | 0x4330000000000000UL) - 4503599627370496.0;
        return BitConverter.UInt64BitsToDouble(bits - (tmp & 0xfff0000000000000UL));
    }

    /// <summary>Σ a in the native fixed order: element j into lane j mod 8, lanes summed as
    /// ((l0+l4)+(l2+l6))+((l1+l5)+(l3+l7)).</summary>
    internal static double Sum8(ReadOnlySpan<double> a)
    {
        Span<double> l = stackalloc double[8];
        l.Clear();
        for (var i = 0; i < a.Length; i++) l[i & 7] += a[i];
        return Reduce(l);
    }

    /// <summary>Σ aⱼbⱼ in the same fixed order, one FMA per element.</summary>
    internal static double Dot8(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Span<double> l = stackalloc double[8];
        l.Clear();
        for (var i = 0; i < a.Length; i++) l[i & 7] = Math.FusedMultiplyAdd(a[i], b[i], l[i & 7]);
        return Reduce(l);
    }

    private static double Reduce(ReadOnlySpan<double> l) => ((l[0] + l[4]) + (l[2] + l[6])) + ((l[1] + l[5]) + (l[3] + l[7]));
}

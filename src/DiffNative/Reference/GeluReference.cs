using System.Runtime.CompilerServices;
using static DiffNative.Reference.GeluCoefficients;
using static DiffNative.Reference.VectorMathReference;

namespace DiffNative.Reference;

/// <summary>The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), with the operations of
/// native/src/kernels/gelu.h in the same order, so every backend gives the same bits. Near zero
/// Φ(x) = ½ + x·P(x²); beyond |x| = 0.75 the tails are carried in relative terms as
/// e^(−x²/2)·G(|x|) and e^(−x²/2)·H(|x|), from polynomial pieces (GeluCoefficients), each split
/// as lead + s·O(s²) + E(s²).</summary>
internal static class GeluReference
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Evaluate(double x, out double v, out double d)
    {
        var t = x * x;
        var vSmall = x * Math.FusedMultiplyAdd(x, Small(SmallP, t), 0.5);
        var dSmall = Math.FusedMultiplyAdd(x, Small(SmallD, t), 0.5);
        var a = VectorMathReference.Clamp(Math.Abs(x), 0.0, GeluCoefficients.Clamp);
        if (double.IsNaN(a)) a = 0.0; // the small path keeps the NaN
        var y = (a - SmallLimit) * PieceScale;
        var piece = VectorMathReference.Clamp(Math.Floor(y), 0.0, TailPiece);
        var row = Pieces.Slice((int)(piece * Row), Row);
        var tail = piece == TailPiece;
        var a2 = a * a;
        var a2Low = Math.FusedMultiplyAdd(a, a, -a2);
        var center = tail ? TailCenter : Math.FusedMultiplyAdd(piece, 1.0 / PieceScale, SmallLimit + 0.5 / PieceScale);
        var s = (tail ? 1.0 / a2 : a) - center;
        var u = s * s;
        var q = ExpNegativeReduce(a2 * -0.5, a2Low * -0.5, true, -1000.0, out var scale);
        var positive = x > 0;
        var small = a < SmallLimit;
        var eg = ExpTimes(q, scale, row[0] + Math.FusedMultiplyAdd(s, Chain(row, 2, u), Chain(row, 0, u)));
        v = small ? vSmall : positive ? x - eg : -eg;
        var h = (row[1] + Math.FusedMultiplyAdd(s, Chain(row, 3, u), Chain(row, 1, u))) * (tail ? a : 1.0); // the tail's table holds H/a
        var eh = ExpTimes(q, scale, h);
        d = small ? dSmall : positive ? 1.0 + eh : -eh;
    }

    /// <summary>Chain j of a row (E_G, E_H, O_G, O_H): the quads' entry j by Horner in u = s², as
    /// dn_row_horner4 evaluates it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Chain(ReadOnlySpan<double> row, int j, double u)
    {
        var p = row[4 + 4 * (Quads - 1) + j];
        for (var k = Quads - 2; k >= 0; k--) p = Math.FusedMultiplyAdd(p, u, row[4 + 4 * k + j]);
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Small(ReadOnlySpan<double> c, double t)
    {
        var p = c[^1];
        for (var j = c.Length - 2; j >= 0; j--) p = Math.FusedMultiplyAdd(p, t, c[j]);
        return p;
    }
}

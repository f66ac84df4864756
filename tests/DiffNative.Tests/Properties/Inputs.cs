using CsCheck;

namespace DiffNative.Tests.Properties;

/// <summary>Generators of the arguments callers get wrong: steps and values that are NaN, ±∞,
/// zero of either sign, negative, subnormal or huge; lengths over every vector tail (0..70) and
/// a few large ones; orders and accuracies in and out of range.</summary>
internal static class Inputs
{
    /// <summary>Values that are not ordinary numbers, weighted into the generators below.</summary>
    internal static readonly double[] Special =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon,
        1e-310, 2.2250738585072014e-308, 1e-200, 1e200, 1e308, double.MaxValue, -double.MaxValue, -1.0,
    ];

    /// <summary>Log-uniform magnitude between 2^lo and 2^hi, either sign when <paramref name="signed"/>.</summary>
    internal static Gen<double> LogUniform(int lo, int hi, bool signed) =>
        Gen.Select(Gen.Double[lo, hi], Gen.Double[1, 2], signed ? Gen.Bool : Gen.Const(false),
            (e, m, negative) => (negative ? -1 : 1) * Math.ScaleB(m, (int)Math.Floor(e)));

    /// <summary>A step or spacing: mostly ordinary (2^-20..2^20), sometimes anything at all.</summary>
    internal static readonly Gen<double> Step = Gen.Frequency(
        (6, LogUniform(-20, 20, signed: false)),
        (1, Gen.OneOf(Gen.Const(1.0), Gen.Const(0.5), Gen.Const(0.1))),
        (3, Gen.OneOf(Special)),
        (1, LogUniform(-1074, 1023, signed: true)));

    /// <summary>A sample or coordinate value: mostly moderate, sometimes special.</summary>
    internal static readonly Gen<double> Value = Gen.Frequency(
        (12, Gen.Double[-10, 10]),
        (2, LogUniform(-60, 60, signed: true)),
        (1, Gen.OneOf(Special)));

    /// <summary>Finite values only (for points a function must be differentiated at).</summary>
    internal static readonly Gen<double> FinitePoint = Gen.Frequency(
        (12, Gen.Double[-10, 10]),
        (2, LogUniform(-60, 60, signed: true)),
        (1, Gen.OneOf(0.0, -0.0, 1e-310, 1e300, -1e300)));

    /// <summary>0..70 (every tail of 4- and 8-lane vectors) most of the time, a few large ones.</summary>
    internal static readonly Gen<int> Length = Gen.Frequency(
        (20, Gen.Int[0, 70]),
        (1, Gen.OneOf(127, 128, 129, 1000, 4099)));

    /// <summary>A derivative order for the grid and scalar APIs: 1..4, or out of range.</summary>
    internal static readonly Gen<int> Order = Gen.Frequency(
        (8, Gen.Int[1, 4]),
        (1, Gen.OneOf(-1, 0, 5, 17, int.MinValue, int.MaxValue)));

    /// <summary>An accuracy: 2, 4, 6, 8, the one-sided 1..6, or out of range.</summary>
    internal static readonly Gen<int> Accuracy = Gen.Frequency(
        (8, Gen.OneOf(2, 4, 6, 8)),
        (2, Gen.Int[1, 6]),
        (1, Gen.OneOf(-2, 0, 9, 10, int.MinValue, int.MaxValue)));

    /// <summary>How far a buffer's length is from the one needed: mostly exact, sometimes longer, sometimes short.</summary>
    internal static readonly Gen<int> Slack = Gen.Frequency((8, Gen.Const(0)), (2, Gen.Int[1, 3]), (2, Gen.Int[-3, -1]));

    /// <summary>Where an output lies relative to an input it must not overlap.</summary>
    internal enum Placement
    {
        Separate,
        SameStart,
        ShiftedRight,
        ShiftedLeft,
    }

    internal static readonly Gen<Placement> OutputPlacement = Gen.Frequency(
        (10, Gen.Const(Placement.Separate)), (1, Gen.Const(Placement.SameStart)),
        (1, Gen.Const(Placement.ShiftedRight)), (1, Gen.Const(Placement.ShiftedLeft)));

    /// <summary>An array of <paramref name="length"/> values from <paramref name="values"/>.</summary>
    internal static Gen<double[]> Array(int length, Gen<double> values) => length == 0 ? Gen.Const(System.Array.Empty<double>()) : values.Array[length];
}

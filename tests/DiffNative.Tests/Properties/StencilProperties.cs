using CsCheck;
using static DiffNative.Tests.Properties.Inputs;

namespace DiffNative.Tests.Properties;

/// <summary>Properties of <see cref="FiniteDifferenceWeights"/> and <see cref="Stencils"/>: the
/// <see cref="Contract"/> over generated offsets (repeated, non-finite, too many), derivative
/// orders and weight buffers (short, over the offsets); weights exact on polynomials; and the
/// scaling and symmetry the documentation promises bit for bit.</summary>
public class StencilProperties
{
    internal sealed record WeightsCase(int Derivative, double[] Offsets, double At, int Slack, Placement Placement, int Shift);

    private static readonly string[] WeightNames = ["derivative", "offsets", "weights", "at"];

    private static readonly Gen<WeightsCase> Weights =
        from n in Gen.Frequency((10, Gen.Int[1, 12]), (2, Gen.Int[13, 64]), (1, Gen.OneOf(0, 65, 70)))
        from offsets in Gen.Frequency(
            (4, Gen.Int[-40, 40].Select(i => (double)i).Array[n]),
            (4, Inputs.Array(n, Value)),
            (1, Inputs.Array(n, LogUniform(-1074, 1023, signed: true))))
        from derivative in Gen.Frequency((8, Gen.Int[0, Math.Max(0, Math.Min(n - 1, 16))]), (1, Gen.OneOf(-1, 17, n, int.MaxValue)))
        from at in Gen.Frequency((6, Gen.Const(0.0)), (3, Value))
        from slack in Slack
        from placement in OutputPlacement
        from shift in Gen.Int[0, 200]
        select new WeightsCase(derivative, offsets, at, slack, placement, shift);

    [Fact]
    public void WeightsKeepTheirContract() => Property.Check(nameof(WeightsKeepTheirContract), Weights, c =>
    {
        var (arrays, input, output) = Contract.Place(c.Offsets, c.Offsets.Length + c.Slack, c.Placement, c.Shift);
        Contract.Check(arrays, [input], [output], WeightNames,
            (a, b) => FiniteDifferenceWeights.Compute(c.Derivative, input.Of(a), output.Of(a), c.At, b));
    }, cases: 1_200);

    internal sealed record IntegerStencil(int Derivative, double[] Offsets, int Exponent);

    /// <summary>2..9 distinct integer offsets in [−8, 8], any derivative below their count.</summary>
    private static readonly Gen<IntegerStencil> IntegerStencils =
        from n in Gen.Int[2, 9]
        from offsets in Gen.Shuffle(Enumerable.Range(-8, 17).Select(i => (double)i).ToArray(), n)
        from derivative in Gen.Int[0, n - 1]
        from exponent in Gen.Int[-200, 200]
        select new IntegerStencil(derivative, offsets.Take(n).ToArray(), exponent);

    /// <summary>Σⱼ wⱼ oⱼᵏ = k!·[k = d] for k below the number of offsets: the weights differentiate
    /// every polynomial of that degree exactly, up to the rounding of each weight (half an ulp
    /// each, so n·ulp of Σ|wⱼ oⱼᵏ| with room).</summary>
    [Fact]
    public void WeightsAreExactOnPolynomials() => Property.Check(nameof(WeightsAreExactOnPolynomials), IntegerStencils, c =>
    {
        foreach (var backend in Contract.AllBackends)
        {
            var w = FiniteDifferenceWeights.Compute(c.Derivative, c.Offsets, 0, backend);
            for (var k = 0; k < c.Offsets.Length; k++)
            {
                double sum = 0, scale = 0;
                for (var j = 0; j < w.Length; j++)
                {
                    var term = w[j] * Math.Pow(c.Offsets[j], k);
                    sum += term;
                    scale += Math.Abs(term);
                }
                var expected = k == c.Derivative ? Factorial(k) : 0.0;
                Assert.True(Math.Abs(sum - expected) <= 4 * w.Length * Math.ScaleB(scale, -52),
                    $"{backend}: Σ w·o^{k} = {sum:R}, expected {expected} (weights {Describe.Value(w)})");
            }
        }
    }, cases: 1_000);

    private static double Factorial(int k) => k <= 1 ? 1 : k * Factorial(k - 1);

    /// <summary>Offsets scaled by 2^e give weights scaled by 2^(−e·d), bit for bit, while they stay
    /// normal: the recursion runs on offsets scaled to unit size, so the spacing cannot change
    /// any rounding.</summary>
    [Fact]
    public void WeightsScaleExactlyWithTheSpacing() => Property.Check(nameof(WeightsScaleExactlyWithTheSpacing), IntegerStencils, c =>
    {
        var scaled = c.Offsets.Select(o => Math.ScaleB(o, c.Exponent)).ToArray();
        foreach (var backend in Contract.AllBackends)
        {
            var unit = FiniteDifferenceWeights.Compute(c.Derivative, c.Offsets, 0, backend);
            var expected = unit.Select(w => Math.ScaleB(w, -c.Exponent * c.Derivative)).ToArray();
            if (unit.Zip(expected).Any(w => w.First != 0 && !double.IsNormal(w.Second)))
            {
                Assert.ThrowsAny<ArgumentException>(() => FiniteDifferenceWeights.Compute(c.Derivative, scaled, 0, backend));
                continue;
            }
            Support.Bits.AssertIdentical(expected, FiniteDifferenceWeights.Compute(c.Derivative, scaled, 0, backend),
                $"{backend}: weights of the offsets times 2^{c.Exponent}");
        }
    }, cases: 1_000);

    /// <summary>Offsets symmetric about the point give weights that are exactly symmetric (even
    /// derivatives) or antisymmetric (odd), as documented.</summary>
    [Fact]
    public void SymmetricOffsetsGiveSymmetricWeights() => Property.Check(nameof(SymmetricOffsetsGiveSymmetricWeights),
        from half in Gen.Frequency((3, Gen.Int[1, 40].Select(i => (double)i)), (1, LogUniform(-30, 30, signed: false))).Array[1, 6]
        from centre in Gen.Bool
        from at in Gen.Frequency((3, Gen.Const(0.0)), (1, Gen.Double[-100, 100]))
        let distinct = half.Distinct().ToArray()
        let offsets = distinct.Select(h => at - h).Concat(centre ? [at] : []).Concat(distinct.Select(h => at + h)).ToArray()
        from derivative in Gen.Int[0, Math.Min(offsets.Length - 1, 16)]
        select (Offsets: offsets, At: at, Derivative: derivative, Pairs: distinct.Length),
        c =>
        {
            // The promise is for offsets exactly symmetric about at: both differences exact and equal.
            if (c.Offsets.Take(c.Pairs).Zip(c.Offsets.Skip(c.Offsets.Length - c.Pairs))
                .Any(p => !IsExactDifference(c.At, p.First) || !IsExactDifference(p.Second, c.At) || c.At - p.First != p.Second - c.At)) return;
            foreach (var backend in Contract.AllBackends)
            {
                double[] w;
                try
                {
                    w = FiniteDifferenceWeights.Compute(c.Derivative, c.Offsets, c.At, backend);
                }
                catch (ArgumentException)
                {
                    continue;
                }
                var sign = c.Derivative % 2 == 0 ? 1.0 : -1.0;
                for (var j = 0; j < c.Pairs; j++)
                    Support.Bits.AssertIdentical(sign * w[Mirror(c, j)], w[j],
                        $"{backend}: weight of {c.Offsets[j]:R} against its mirror {c.Offsets[Mirror(c, j)]:R}");
            }
        }, cases: 600);

    /// <summary>Whether a − b is a double (Knuth's TwoSum error term of a + (−b) is 0).</summary>
    private static bool IsExactDifference(double a, double b)
    {
        var s = a - b;
        var bb = s - a;
        return (a - (s - bb)) + (-b - bb) == 0;
    }

    /// <summary>The index of the offset at + h for the offset at − h at index j.</summary>
    private static int Mirror((double[] Offsets, double At, int Derivative, int Pairs) c, int j) => c.Offsets.Length - c.Pairs + j;

    [Fact]
    public void StandardStencilsKeepTheirContract() => Property.Check(nameof(StandardStencilsKeepTheirContract),
        Gen.Select(Gen.Frequency((6, Gen.Int[0, 2]), (1, Gen.OneOf(-1, 3, 99))), Gen.Int[-2, 6], Gen.Int[-2, 10]),
        c =>
        {
            var (scheme, derivative, accuracy) = c;
            Contract.Check([], [], [], ["scheme", "derivative", "accuracy"],
                (_, _) => DiffNative.Stencils.Get((DifferenceScheme)scheme, derivative, accuracy), backends: Contract.OneCall);
        }, cases: 1_000);
}

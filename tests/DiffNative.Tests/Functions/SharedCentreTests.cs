using DiffNative.Tests.Functions.Sparse;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>x is the same point for every one-sided stencil of a call: near bounds, where the
/// coordinates split into forward and backward groups, and on every level of an adaptive run, the
/// dense and sparse engines evaluate f at x once, and report every call they make.</summary>
public class SharedCentreTests
{
    private const int Outputs = 3;

    private static void VectorWavy(ReadOnlySpan<double> x, Span<double> y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += Math.Sin(x[i] * (i + 1)) * Math.Exp(0.1 * x[(i + 1) % x.Length]);
        y[0] = sum;
        y[1] = x[0] * x[^1];
        y[2] = Math.Exp(0.01 * x.Length * x[x.Length / 2]);
    }

    private static double[] Point(int n) => Enumerable.Range(0, n).Select(i => 0.3 * i - 1.7 + (i % 3) * 1e-3).ToArray();

    /// <summary>An upper bound just above every odd coordinate: those turn backward, the others stay forward.</summary>
    private static DifferentiationOptions Split(double[] x, DifferentiationOptions options) => options with
    {
        LowerBounds = x.Select(_ => double.NegativeInfinity).ToArray(),
        UpperBounds = x.Select((v, i) => i % 2 == 1 ? v + 1e-9 : double.PositiveInfinity).ToArray(),
    };

    /// <summary>A lower bound just below every third coordinate (forward) and an upper one just
    /// above every third from 1 (backward) under a central scheme; the rest stay central.</summary>
    private static DifferentiationOptions CentralSplit(double[] x, DifferentiationOptions options) => options with
    {
        LowerBounds = x.Select((v, i) => i % 3 == 0 ? v - 1e-9 : double.NegativeInfinity).ToArray(),
        UpperBounds = x.Select((v, i) => i % 3 == 1 ? v + 1e-9 : double.PositiveInfinity).ToArray(),
    };

    /// <summary>Counts every call and those at x exactly.</summary>
    private sealed class Counter(double[] x)
    {
        private int calls, atX;

        public int Calls => calls;

        public int AtX => atX;

        public void Count(ReadOnlySpan<double> point)
        {
            Interlocked.Increment(ref calls);
            if (point.SequenceEqual(x)) Interlocked.Increment(ref atX);
        }
    }

    private static void AssertOnce(Counter counter, DifferentiationInfo info, string context)
    {
        Assert.True(counter.AtX == 1, $"{context}: f(x) evaluated {counter.AtX} times");
        Assert.True(counter.Calls == info.Evaluations, $"{context}: {info.Evaluations} evaluations reported, {counter.Calls} calls");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Forward_and_backward_groups_near_bounds_share_f_of_x(Backend backend)
    {
        foreach (var n in new[] { 2, 3, 7, 33 })
            for (var accuracy = 1; accuracy <= 4; accuracy++)
            {
                var x = Point(n);
                var plain = new DifferentiationOptions { Backend = backend, Scheme = DifferenceScheme.Forward, Accuracy = accuracy };
                foreach (var options in new[] { Split(x, plain), Split(x, plain) with { Parallel = true } })
                {
                    var context = $"forward accuracy {accuracy} n={n} parallel={options.Parallel} {backend}";
                    var counter = new Counter(x);
                    var info = Differentiate.Gradient(p => { counter.Count(p); double[] y = new double[Outputs]; VectorWavy(p, y); return y[0]; },
                        x, new double[n], options);
                    AssertOnce(counter, info, "gradient " + context);
                    // Forward and backward stencils of accuracy p both have p + 1 points, one of them x.
                    Assert.Equal(n * accuracy + 1, counter.Calls);
                    counter = new Counter(x);
                    info = Differentiate.Jacobian((p, y) => { counter.Count(p); VectorWavy(p, y); }, Outputs, x, new double[Outputs * n], options);
                    AssertOnce(counter, info, "jacobian " + context);
                    Assert.Equal(n * accuracy + 1, counter.Calls);
                }
                var central = CentralSplit(x, plain with { Scheme = DifferenceScheme.Central, Accuracy = 2 * ((accuracy + 1) / 2) });
                var centralCounter = new Counter(x);
                var centralInfo = Differentiate.Jacobian((p, y) => { centralCounter.Count(p); VectorWavy(p, y); }, Outputs, x,
                    new double[Outputs * n], central);
                AssertOnce(centralCounter, centralInfo, $"central jacobian accuracy {central.Accuracy} n={n} {backend}");
            }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Adaptive_one_sided_levels_share_f_of_x(Backend backend)
    {
        foreach (var n in new[] { 1, 2, 7 })
            foreach (var scheme in new[] { DifferenceScheme.Forward, DifferenceScheme.Backward })
            {
                var x = Point(n);
                var options = new DifferentiationOptions { Backend = backend, Scheme = scheme, Adaptive = true };
                foreach (var variant in new[] { options, Split(x, options) })
                {
                    var context = $"adaptive {scheme} n={n} bounded={!variant.UpperBounds.IsEmpty} {backend}";
                    var counter = new Counter(x);
                    var info = Differentiate.Gradient(p => { counter.Count(p); double[] y = new double[Outputs]; VectorWavy(p, y); return y[0]; },
                        x, new double[n], variant);
                    AssertOnce(counter, info, "gradient " + context);
                    counter = new Counter(x);
                    info = Differentiate.Jacobian((p, y) => { counter.Count(p); VectorWavy(p, y); }, Outputs, x, new double[Outputs * n], variant);
                    AssertOnce(counter, info, "jacobian " + context);
                }
            }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Sparse_groups_and_levels_share_f_of_x(Backend backend)
    {
        for (var seed = 0; seed < 6; seed++)
        {
            var pattern = SparsePatterns.Random(3 + seed, 4 + 3 * seed, 0.3, seed);
            var coloring = JacobianColoring.Compute(pattern);
            var x = SparsePatterns.Point(pattern.Columns, seed);
            var f = SparsePatterns.RowFunction(pattern);
            var plain = new DifferentiationOptions { Backend = backend, Scheme = DifferenceScheme.Forward, Accuracy = 2, CheckPattern = false };
            foreach (var options in new[] { Split(x, plain), plain with { Adaptive = true }, Split(x, plain with { Adaptive = true }) })
            {
                var counter = new Counter(x);
                var info = Differentiate.SparseJacobian((p, y) => { counter.Count(p); f(p, y); }, coloring, x, new double[pattern.NonZeros], options);
                AssertOnce(counter, info, $"seed {seed} adaptive={options.Adaptive} bounded={!options.UpperBounds.IsEmpty} {backend}");
            }
        }
    }
}

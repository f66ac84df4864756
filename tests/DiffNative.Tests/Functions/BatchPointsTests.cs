using DiffNative.Interop;
using DiffNative.Reference;
using DiffNative.Tests.Functions.Sparse;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>The perturbed points a batch function receives: built natively in one crossing per
/// batch (dn_fd_points) or by the managed reference, from each plan's (shift, deltas) description,
/// with the bits of moving one point at a time.</summary>
public class BatchPointsTests
{
    private static double[] Values(Random random, int n) =>
        Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * Math.ScaleB(1.0, random.Next(-20, 21))).ToArray();

    /// <summary>Rows with 0, 1, 2 and many deltas (every coordinate, then some again), shifts of
    /// zero, negative zero and both signs.</summary>
    private static (double[] Shifts, int[] RowStarts, int[] Indices, double[] Deltas) Description(Random random, int n)
    {
        int[] counts = [0, 1, 2, 0, 2, n + 5, 1];
        double[] shifts = [0.0, 0.75, -0.75, -0.0, 1e-3, 3.0, -2.5];
        var rowStarts = new int[counts.Length + 1];
        var indices = new List<int>();
        for (var r = 0; r < counts.Length; r++)
        {
            for (var k = 0; k < counts[r]; k++) indices.Add(r == 4 ? n / 2 : k < n && r == 5 ? k : random.Next(n));
            rowStarts[r + 1] = indices.Count;
        }
        return (shifts, rowStarts, indices.ToArray(), Values(random, indices.Count));
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Native_rows_match_the_managed_reference_bit_for_bit(Backend backend)
    {
        var random = new Random(20261127);
        for (var n = 1; n <= 19; n++)
            foreach (var withDirection in new[] { false, true })
            {
                var x = Values(random, n);
                var direction = withDirection ? Values(random, n) : [];
                var (shifts, rowStarts, indices, deltas) = Description(random, n);
                if (!withDirection) shifts = [];
                var rows = rowStarts.Length - 1;
                double[] expected = new double[rows * n], actual = new double[rows * n + 1];
                actual[^1] = 42.0;
                PointsReference.Build(x, direction, shifts, rowStarts, indices, deltas, expected);
                DifferenceKernels.Points(backend, x, direction, shifts, rowStarts, indices, deltas, actual.AsSpan(0, rows * n));
                Bits.AssertIdentical(expected, actual.AsSpan(0, rows * n), $"n={n} direction={withDirection} {backend}");
                Assert.Equal(42.0, actual[^1]);
            }
    }

    /// <summary>Every plan kind: a batch built from the description gives, row by row, the bits of
    /// the plan moving a copy of x itself (the one-point-at-a-time path).</summary>
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Every_plan_builds_the_points_it_moves_to_one_at_a_time(Backend backend)
    {
        var random = new Random(7);
        for (var n = 1; n <= 19; n++)
        {
            var x = Values(random, n);
            var v = Values(random, n);
            var steps = Values(random, n).Select(Math.Abs).ToArray();
            var pairs = new int[n * (n - 1)];
            HessianPlan.FillPairs(n, pairs);
            // Colours of the columns 0..n-1 taken three at a time, as a tridiagonal Jacobian has.
            var colors = Math.Min(3, n);
            var columns = Enumerable.Range(0, colors).SelectMany(c => Enumerable.Range(0, n).Where(i => i % 3 == c)).ToArray();
            var pointers = Enumerable.Range(0, colors + 1).Select(c => Enumerable.Range(0, n).Count(i => i % 3 < c)).ToArray();
            double[] offsets = [-2, -1, 1, 2];
            Check(new AxisPlan(offsets, steps, AxisGroup.Everything(DifferenceScheme.Central, n), centre: false), x, [], backend, $"axis n={n}");
            Check(new AxisPlan([1, 2], steps, AxisGroup.Everything(DifferenceScheme.Forward, n), centre: true), x, [], backend, $"one-sided axis n={n}");
            Check(new HessianPlan(steps, pairs, n), x, [], backend, $"hessian n={n}");
            Check(new DiagonalPlan([-1, 1], steps, n), x, [], backend, $"diagonal n={n}");
            Check(new DirectionPlan(0.375, steps, n), x, v, backend, $"direction n={n}");
            Check(new ColorPlan(offsets, steps, pointers, columns, colors, centre: true), x, [], backend, $"colours n={n}");
        }
    }

    private static void Check<TPlan>(TPlan plan, double[] x, double[] direction, Backend backend, string context)
        where TPlan : struct, IPointPlan
    {
        var n = x.Length;
        var expected = new double[plan.Count * n];
        for (var k = 0; k < plan.Count; k++)
        {
            var row = expected.AsSpan(k * n, n);
            x.CopyTo(row);
            plan.Apply(plan[k], x, direction, row);
        }
        var actual = new double[plan.Count * n];
        var workspace = Workspace.Rent();
        try
        {
            // Two batches, the second starting mid-plan, as EvaluateBatches splits them.
            var half = plan.Count / 2;
            BatchPoints.Build(backend, plan, 0, half, x, direction, workspace, actual);
            BatchPoints.Build(backend, plan, half, plan.Count - half, x, direction, workspace, actual.AsSpan(half * n));
        }
        finally
        {
            Workspace.Return(workspace);
        }
        Bits.AssertIdentical(expected, actual, $"{context} {backend}");
    }

    /// <summary>Batch functions on every backend hand back the per-point function's bits on the
    /// managed reference: gradient, Hessian, Jacobian and a coloured sparse Jacobian.</summary>
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Batch_derivatives_on_every_backend_match_the_managed_per_point_ones(Backend backend)
    {
        static double Wavy(ReadOnlySpan<double> x)
        {
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++) sum += Math.Sin(x[i] * (i + 1)) * Math.Exp(0.1 * x[(i + 1) % x.Length]);
            return sum;
        }
        BatchScalarFunction batch = (points, n, values) =>
        {
            for (var r = 0; r < values.Length; r++) values[r] = Wavy(points.Slice(r * n, n));
        };
        var managed = new DifferentiationOptions { Backend = Backend.Managed };
        var options = new DifferentiationOptions { Backend = backend, BatchSize = 7 };
        for (var n = 1; n <= 19; n++)
        {
            var x = Enumerable.Range(0, n).Select(i => 0.3 * i - 1.7).ToArray();
            var gradient = new double[n];
            Differentiate.Gradient(batch, x, gradient, options with { Scheme = DifferenceScheme.Forward, Accuracy = 3 });
            Bits.AssertIdentical(Differentiate.Gradient(Wavy, x, managed with { Scheme = DifferenceScheme.Forward, Accuracy = 3 }).Values, gradient, $"gradient n={n}");
            var hessian = new double[n * n];
            Differentiate.Hessian(batch, x, hessian, options);
            Bits.AssertIdentical(Differentiate.Hessian(Wavy, x, managed).Values, hessian, $"hessian n={n}");
        }
        var coloring = JacobianColoring.Compute(SparsePatterns.Banded(19, 1));
        var f = SparsePatterns.RowFunction(coloring.Pattern);
        var m = coloring.Pattern.Rows;
        BatchVectorFunction rows = (points, n, values) =>
        {
            for (var r = 0; r < points.Length / n; r++) f(points.Slice(r * n, n), values.Slice(r * m, m));
        };
        var point = SparsePatterns.Point(19, 3);
        double[] sequential = new double[coloring.Pattern.NonZeros], batched = new double[coloring.Pattern.NonZeros];
        Differentiate.SparseJacobian(f, coloring, point, sequential, managed);
        Differentiate.SparseJacobian(rows, coloring, point, batched, options);
        Bits.AssertIdentical(sequential, batched, $"sparse jacobian {backend}");
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void A_coordinate_outside_the_point_is_refused_not_written(Backend backend)
    {
        double[] x = [1, 2], points = [7, 7, 7, 7];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            NativeCore.FdPoints(backend.Isa, x, [], [], [0, 1, 1], [2], [0.5], points));
        Assert.Contains("dn_fd_points", error.Message);
        Assert.Equal([7, 7, 7, 7], points);
    }
}

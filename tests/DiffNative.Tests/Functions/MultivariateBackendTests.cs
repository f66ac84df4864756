using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>Every backend and every way of supplying the function gives the same bits.</summary>
public class MultivariateBackendTests
{
    private static double Wavy(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += Math.Sin(x[i] * (i + 1)) * Math.Exp(0.1 * x[(i + 1) % x.Length]);
        return sum;
    }

    private static double[] Point(int n) => Enumerable.Range(0, n).Select(i => 0.3 * i - 1.7 + (i % 3) * 1e-3).ToArray();

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Native_paths_match_the_managed_reference_bit_for_bit(Backend backend)
    {
        var managed = new DifferentiationOptions { Backend = Backend.Managed };
        var native = new DifferentiationOptions { Backend = backend };
        for (var n = 1; n <= 19; n++)
        {
            var x = Point(n);
            Bits.AssertIdentical(Differentiate.Gradient(Wavy, x, managed).Values, Differentiate.Gradient(Wavy, x, native).Values, $"gradient n={n}");
            Bits.AssertIdentical(Differentiate.Gradient(Wavy, x, managed with { Accuracy = 6 }).Values,
                Differentiate.Gradient(Wavy, x, native with { Accuracy = 6 }).Values, $"gradient acc 6 n={n}");
            Bits.AssertIdentical(Differentiate.Hessian(Wavy, x, managed).Values, Differentiate.Hessian(Wavy, x, native).Values, $"hessian n={n}");
            Bits.AssertIdentical(Differentiate.Jacobian(VectorWavy, 3, x, managed).Values, Differentiate.Jacobian(VectorWavy, 3, x, native).Values, $"jacobian n={n}");
            double[] dm = new double[n], dn = new double[n];
            Differentiate.HessianDiagonal(Wavy, x, dm, managed);
            Differentiate.HessianDiagonal(Wavy, x, dn, native);
            Bits.AssertIdentical(dm, dn, $"diagonal n={n}");
            var adaptiveManaged = managed with { Adaptive = true };
            var adaptiveNative = native with { Adaptive = true };
            Bits.AssertIdentical(Differentiate.Gradient(Wavy, x, adaptiveManaged).Values, Differentiate.Gradient(Wavy, x, adaptiveNative).Values, $"adaptive gradient n={n}");
            if (n <= 8)
                Bits.AssertIdentical(Differentiate.Hessian(Wavy, x, adaptiveManaged).Values, Differentiate.Hessian(Wavy, x, adaptiveNative).Values, $"adaptive hessian n={n}");
            var v = Point(n).Select(t => t * t).ToArray();
            Differentiate.HessianVectorProduct(Wavy, x, v, dm, managed);
            Differentiate.HessianVectorProduct(Wavy, x, v, dn, native);
            Bits.AssertIdentical(dm, dn, $"hvp n={n}");
            double[] em = new double[n], en = new double[n];
            Differentiate.HessianVectorProduct(Wavy, x, v, dm, managed, errors: em);
            Differentiate.HessianVectorProduct(Wavy, x, v, dn, native, errors: en);
            Bits.AssertIdentical(dm, dn, $"adaptive hvp n={n}");
            Bits.AssertIdentical(em, en, $"adaptive hvp errors n={n}");
            Differentiate.HessianDiagonal(Wavy, x, dm, managed, errors: em);
            Differentiate.HessianDiagonal(Wavy, x, dn, native, errors: en);
            Bits.AssertIdentical(dm, dn, $"adaptive diagonal n={n}");
            Bits.AssertIdentical(em, en, $"adaptive diagonal errors n={n}");
        }
    }

    private static void VectorWavy(ReadOnlySpan<double> x, Span<double> y)
    {
        y[0] = Wavy(x);
        y[1] = x[0] * x[^1];
        y[2] = Math.Exp(0.01 * x.Length * x[x.Length / 2]);
    }

    /// <summary>A plain delegate's fixed-step gradient runs as one loop per coordinate; a batch
    /// function goes through the step, plan and combination kernels of the chosen backend. Both
    /// must give the same bits for every scheme, accuracy and step source.</summary>
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void The_one_loop_gradient_gives_the_same_bits_as_the_kernel_pipeline(Backend backend)
    {
        BatchScalarFunction batch = (points, n, values) =>
        {
            for (var r = 0; r < values.Length; r++) values[r] = Wavy(points.Slice(r * n, n));
        };
        var variants = new (DifferenceScheme Scheme, int Accuracy)[]
        {
            (DifferenceScheme.Central, 2), (DifferenceScheme.Central, 4), (DifferenceScheme.Central, 8),
            (DifferenceScheme.Forward, 1), (DifferenceScheme.Forward, 3), (DifferenceScheme.Backward, 1), (DifferenceScheme.Backward, 6),
        };
        for (var n = 1; n <= 19; n++)
        {
            var x = Point(n);
            var scales = Enumerable.Range(0, n).Select(i => 0.5 + 3.0 * i).ToArray();
            var steps = Enumerable.Range(0, n).Select(i => 1e-4 / (i + 1)).ToArray();
            foreach (var (scheme, accuracy) in variants)
            {
                var plain = new DifferentiationOptions { Backend = backend, Scheme = scheme, Accuracy = accuracy };
                foreach (var options in new[] { plain, plain with { TypicalScales = scales }, plain with { Steps = steps } })
                {
                    var viaKernels = new double[n];
                    var info = Differentiate.Gradient(batch, x, viaKernels, options);
                    var oneLoop = new double[n];
                    var loopInfo = Differentiate.Gradient(Wavy, x, oneLoop, options);
                    Bits.AssertIdentical(viaKernels, oneLoop, $"{scheme} accuracy {accuracy} n={n} {backend}");
                    Assert.Equal(info.Evaluations, loopInfo.Evaluations);
                }
            }
        }
    }

    [Fact]
    public void Batch_and_parallel_evaluation_give_the_same_bits_as_one_point_at_a_time()
    {
        var x = Point(23);
        var sequential = Differentiate.Gradient(Wavy, x);
        var parallel = Differentiate.Gradient(Wavy, x, new DifferentiationOptions { Parallel = true });
        Bits.AssertIdentical(sequential.Values, parallel.Values, "parallel gradient");

        var batchCalls = 0;
        BatchScalarFunction batch = (points, n, values) =>
        {
            batchCalls++;
            for (var r = 0; r < values.Length; r++) values[r] = Wavy(points.Slice(r * n, n));
        };
        var batched = new double[23];
        var info = Differentiate.Gradient(batch, x, batched, new DifferentiationOptions { BatchSize = 10 });
        Bits.AssertIdentical(sequential.Values, batched, "batch gradient");
        Assert.Equal(sequential.Evaluations, info.Evaluations);
        Assert.Equal(sequential.Status, info.Status);
        // Without the step check (whose f(x) and rechecks go one point per call): 46 points in batches of 10.
        batchCalls = 0;
        var noCheck = new DifferentiationOptions { BatchSize = 10, CheckDifferentiability = false };
        info = Differentiate.Gradient(batch, x, batched, noCheck);
        Bits.AssertIdentical(Differentiate.Gradient(Wavy, x, noCheck).Values, batched, "unchecked batch gradient");
        Assert.Equal(46, info.Evaluations);
        Assert.Equal(5, batchCalls);

        var hessian = Differentiate.Hessian(Wavy, x).Values;
        Bits.AssertIdentical(hessian, Differentiate.Hessian(Wavy, x, new DifferentiationOptions { Parallel = true, MaxDegreeOfParallelism = 3 }).Values, "parallel hessian");
        var batchedHessian = new double[23 * 23];
        Differentiate.Hessian(batch, x, batchedHessian);
        Bits.AssertIdentical(hessian, batchedHessian, "batch hessian");

        BatchVectorFunction batchVector = (points, n, values) =>
        {
            for (var r = 0; r < points.Length / n; r++) VectorWavy(points.Slice(r * n, n), values.Slice(r * 3, 3));
        };
        var jacobian = new double[3 * 23];
        Differentiate.Jacobian(batchVector, 3, x, jacobian, new DifferentiationOptions { BatchSize = 7 });
        Bits.AssertIdentical(Differentiate.Jacobian(VectorWavy, 3, x).Values, jacobian, "batch jacobian");
    }

    [Fact]
    public void Eight_threads_get_the_same_results_as_one()
    {
        var x = Point(40);
        var expected = Differentiate.Gradient(Wavy, x).Values;
        var expectedHessian = Differentiate.Hessian(Wavy, x.AsSpan(0, 12)).Values;
        var failures = 0;
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            var g = new double[40];
            var h = new double[144];
            var options = new DifferentiationOptions { Backend = t % 2 == 0 ? Backend.Native : Backend.Managed };
            for (var k = 0; k < 200; k++)
            {
                Differentiate.Gradient(Wavy, x, g, options);
                Differentiate.Hessian(Wavy, x.AsSpan(0, 12), h, options);
                if (!g.AsSpan().SequenceEqual(expected) || !h.AsSpan().SequenceEqual(expectedHessian))
                    Interlocked.Increment(ref failures);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(0, failures);
    }
}

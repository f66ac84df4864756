using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>Faults in user code, cancellation, bounds, allocation and bad input.</summary>
public class MultivariateFaultTests
{
    private sealed class UserFault : Exception;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_exception_in_the_function_during_a_native_backed_hessian_reaches_the_caller_as_itself(bool parallel)
    {
        var thrown = new UserFault();
        var calls = 0;
        ScalarFunction f = x => Interlocked.Increment(ref calls) == 100 ? throw thrown : MghProblems.ExtendedRosenbrock(x);
        var options = new DifferentiationOptions { Backend = Backend.Native, Parallel = parallel };
        var caught = Assert.Throws<UserFault>(() => Differentiate.Hessian(f, MghProblems.StandardStart(20), options));
        Assert.Same(thrown, caught);
    }

    [Fact]
    public void Cancellation_stops_a_large_hessian_promptly()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        ScalarFunction f = x =>
        {
            if (++calls == 1000) cancel.Cancel();
            return MghProblems.ExtendedRosenbrock(x);
        };
        Assert.ThrowsAny<OperationCanceledException>(() => Differentiate.Hessian(f, MghProblems.StandardStart(300), null, cancel.Token));
        Assert.InRange(calls, 1000, 1000 + 64); // 180,001 evaluations were planned
    }

    [Fact]
    public void Cancellation_stops_parallel_evaluation_too()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        ScalarFunction f = x =>
        {
            if (Interlocked.Increment(ref calls) == 1000) cancel.Cancel();
            return MghProblems.ExtendedRosenbrock(x);
        };
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Differentiate.Hessian(f, MghProblems.StandardStart(300), new DifferentiationOptions { Parallel = true }, cancel.Token));
        Assert.True(calls < 180_001 / 2, $"{calls} evaluations ran after cancellation");
    }

    [Fact]
    public void Bounds_keep_every_evaluation_inside_the_domain()
    {
        // sqrt is defined for x >= 0 only; at the bound the stencil must turn forward.
        double[] lower = [0.0, 0.0], upper = [1.0, 4.0];
        ScalarFunction f = x =>
        {
            for (var i = 0; i < x.Length; i++)
                if (x[i] < lower[i] || x[i] > upper[i]) throw new InvalidOperationException($"x[{i}] = {x[i]} left the domain");
            return Math.Sqrt(x[0] + 1) + x[1] * x[1];
        };
        var options = new DifferentiationOptions { LowerBounds = lower, UpperBounds = upper };
        foreach (var x in new[] { new[] { 0.0, 4.0 }, new[] { 1.0, 0.0 }, new[] { 1e-9, 3.9999999 } })
        {
            var g = Differentiate.Gradient(f, x, options).Values;
            Assert.Equal(0.5 / Math.Sqrt(x[0] + 1), g[0], 1e-8);
            Assert.Equal(2 * x[1], g[1], 1e-7);
            var adaptive = Differentiate.Gradient(f, x, options with { Adaptive = true }).Values;
            Assert.Equal(0.5 / Math.Sqrt(x[0] + 1), adaptive[0], 1e-11);
            Assert.Equal(2 * x[1], adaptive[1], 1e-10);
        }
        var h = Differentiate.Hessian(f, [0.5, 2.0], options).Values;
        Assert.Equal(-0.25 * Math.Pow(1.5, -1.5), h[0], 1e-6);
        Assert.Equal(2.0, h[3], 1e-6);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Differentiate.Hessian(f, [0.0, 2.0], options)).ParamName);
    }

    [Fact]
    public void Span_overloads_allocate_nothing_in_steady_state()
    {
        var x = MghProblems.StandardStart(50);
        var g = new double[50];
        var h = new double[2500];
        ScalarFunction f = MghProblems.ExtendedRosenbrock;
        foreach (var backend in new[] { Backend.Managed, Backend.Native })
        {
            var options = new DifferentiationOptions { Backend = backend };
            // The warm-ups fill the pool and run static initialisers.
            var bytes = Allocations.SteadyState(() =>
            {
                Differentiate.Gradient(f, x, g, options);
                Differentiate.Hessian(f, x, h, options);
            });
            Assert.True(bytes == 0, $"{backend}: {bytes} bytes");
        }
    }

    [Fact]
    public void Adaptive_second_derivative_span_overloads_allocate_nothing_in_steady_state()
    {
        var x = MghProblems.StandardStart(20);
        var v = Enumerable.Range(0, 20).Select(i => 1.0 - 0.05 * i).ToArray();
        double[] h = new double[400], d = new double[20], hv = new double[20], errors = new double[20];
        ScalarFunction f = MghProblems.ExtendedRosenbrock;
        foreach (var backend in new[] { Backend.Managed, Backend.Native })
        {
            var options = new DifferentiationOptions { Backend = backend, Adaptive = true };
            var bytes = Allocations.SteadyState(() => Differentiate.Hessian(f, x, h, options));
            Assert.True(bytes == 0, $"{backend} Hessian: {bytes} bytes");
            bytes = Allocations.SteadyState(() => Differentiate.HessianDiagonal(f, x, d, options, errors: errors));
            Assert.True(bytes == 0, $"{backend} diagonal: {bytes} bytes");
            bytes = Allocations.SteadyState(() => Differentiate.HessianVectorProduct(f, x, v, hv, options, errors: errors));
            Assert.True(bytes == 0, $"{backend} Hessian-vector product: {bytes} bytes");
        }
    }

    [Fact]
    public void Adaptive_first_derivative_span_overloads_allocate_nothing_in_steady_state()
    {
        var x = MghProblems.StandardStart(20);
        double[] g = new double[20], errors = new double[20], jacobian = new double[40];
        ScalarFunction f = MghProblems.ExtendedRosenbrock;
        VectorFunction pair = (p, y) => { y[0] = MghProblems.ExtendedRosenbrock(p); y[1] = p[0] * p[1]; };
        foreach (var backend in new[] { Backend.Managed, Backend.Native })
        {
            var options = new DifferentiationOptions { Backend = backend, Adaptive = true };
            var bytes = Allocations.SteadyState(() => Differentiate.Gradient(f, x, g, options, errors: errors));
            Assert.True(bytes == 0, $"{backend} gradient: {bytes} bytes");
            bytes = Allocations.SteadyState(() => Differentiate.Jacobian(pair, 2, x, jacobian, options));
            Assert.True(bytes == 0, $"{backend} Jacobian: {bytes} bytes");
        }
    }

    /// <summary>The overloads with an errors span imply Adaptive; given options without it, the
    /// adaptive twin of those options must not be built again on every call.</summary>
    [Fact]
    public void Errors_overloads_given_non_adaptive_options_allocate_nothing_in_steady_state()
    {
        var x = MghProblems.StandardStart(12);
        var v = Enumerable.Range(0, 12).Select(i => 1.0 - 0.05 * i).ToArray();
        double[] g = new double[12], d = new double[12], hv = new double[12], errors = new double[12];
        var pattern = SparsityPattern.FromEntries(12, 12, Enumerable.Range(0, 12).SelectMany(i =>
            Enumerable.Range(Math.Max(0, i - 1), Math.Min(12, i + 2) - Math.Max(0, i - 1)).Select(j => (i, j))));
        var sparse = new double[pattern.NonZeros];
        var sparseErrors = new double[pattern.NonZeros];
        ScalarFunction f = MghProblems.ExtendedRosenbrock;
        foreach (var backend in new[] { Backend.Managed, Backend.Native })
        {
            var options = new DifferentiationOptions { Backend = backend }; // not adaptive
            var bytes = Allocations.SteadyState(() => Differentiate.Gradient(f, x, g, options, errors: errors));
            Assert.True(bytes == 0, $"{backend} gradient: {bytes} bytes");
            bytes = Allocations.SteadyState(() => Differentiate.HessianDiagonal(f, x, d, options, errors: errors));
            Assert.True(bytes == 0, $"{backend} diagonal: {bytes} bytes");
            bytes = Allocations.SteadyState(() => Differentiate.HessianVectorProduct(f, x, v, hv, options, errors: errors));
            Assert.True(bytes == 0, $"{backend} Hessian-vector product: {bytes} bytes");
            bytes = Allocations.SteadyState(() => Differentiate.SparseHessian(f, pattern, x, sparse, options, errors: sparseErrors));
            Assert.True(bytes == 0, $"{backend} sparse Hessian: {bytes} bytes");
        }
    }

    [Fact]
    public void A_non_finite_function_is_reported()
    {
        var g = Differentiate.Gradient(x => x[0] > 1 ? double.NaN : x[0], [1.0]);
        Assert.Equal(DerivativeStatus.NonFinite, g.Status);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        ScalarFunction f = MghProblems.ExtendedRosenbrock;
        double[] x = [1, 2];
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Differentiate.Gradient(f, [1, double.NaN])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Differentiate.Gradient(f, ReadOnlySpan<double>.Empty)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => Differentiate.Gradient(f, x, new double[1])).ParamName);
        Assert.Equal("hessian", Assert.Throws<ArgumentException>(() => Differentiate.Hessian(f, x, new double[3])).ParamName);
        Assert.Equal("jacobian", Assert.Throws<ArgumentException>(() => Differentiate.Jacobian((p, y) => { }, 2, x, new double[3])).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Jacobian((p, y) => { }, 0, x)).ParamName);
        Assert.Equal("Steps", Assert.Throws<ArgumentException>(() => Differentiate.Gradient(f, x, new DifferentiationOptions { Steps = new double[] { 1 } })).ParamName);
        Assert.Equal("Steps", Assert.Throws<ArgumentException>(() => Differentiate.Gradient(f, x, new DifferentiationOptions { Steps = new double[] { 1, -1 } })).ParamName);
        Assert.Equal("TypicalScales", Assert.Throws<ArgumentException>(() => Differentiate.Gradient(f, x, new DifferentiationOptions { TypicalScales = new double[] { 1, 0 } })).ParamName);
        Assert.Equal("Accuracy", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Gradient(f, x, new DifferentiationOptions { Accuracy = 3 })).ParamName);
        Assert.Equal("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Gradient(f, x, new DifferentiationOptions { BatchSize = 0 })).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Differentiate.Gradient(f, x, new DifferentiationOptions { LowerBounds = new double[] { 2, 0 } })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Differentiate.Gradient(f, x, new DifferentiationOptions { LowerBounds = new double[] { 0, 3 }, UpperBounds = new double[] { 2, 3 } })).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => Differentiate.HessianVectorProduct(f, x, [1.0], new double[2])).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Differentiate.HessianVectorProduct(f, x, [1.0, 2.0], new double[2], errors: new double[1])).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Differentiate.HessianDiagonal(f, x, new double[2], errors: new double[1])).ParamName);
        Assert.Equal("diagonal", Assert.Throws<ArgumentException>(() => Differentiate.HessianDiagonal(f, x, new double[1], errors: new double[2])).ParamName);
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Differentiate.Gradient((ScalarFunction)null!, x)).ParamName);
    }
}

using DiffNative.Tests.Functions.Sparse;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>With bounds set, the span overloads still allocate nothing once warm: the split into
/// central, forward and backward groups (and the sparse engines' restricted colourings) live in
/// the pooled workspace like every other per-call buffer, and what a larger call leaves in those
/// buffers never reaches a smaller one.</summary>
public class BoundedAllocationTests
{
    private const int N = 12;

    public enum FirstDerivative { Gradient, Jacobian, SparseJacobian, SparseHessianFromGradient }

    public enum SecondDerivative { Hessian, HessianDiagonal, SparseHessian }

    public static IEnumerable<object[]> FirstDerivativeCases() =>
        from backend in Backends.All()
        from kind in Enum.GetValues<FirstDerivative>()
        from adaptive in new[] { false, true }
        select new object[] { backend[0], kind, adaptive };

    public static IEnumerable<object[]> SecondDerivativeCases() =>
        from backend in Backends.All()
        from kind in Enum.GetValues<SecondDerivative>()
        from adaptive in new[] { false, true }
        select new object[] { backend[0], kind, adaptive };

    private static readonly double[] X = SparsePatterns.Point(N, 7);

    /// <summary>Every kind of group at once: x on its lower bound (forward), on its upper bound
    /// (backward), free (central), and squeezed between two close bounds (a shortened step).</summary>
    private static DifferentiationOptions OneSidedBounds(Backend backend, bool adaptive)
    {
        var lower = new double[N];
        var upper = new double[N];
        for (var i = 0; i < N; i++)
        {
            (lower[i], upper[i]) = (i % 4) switch
            {
                0 => (X[i], double.PositiveInfinity),
                1 => (double.NegativeInfinity, X[i]),
                2 => (double.NegativeInfinity, double.PositiveInfinity),
                _ => (X[i] - 1e-9, X[i] + 3e-9),
            };
        }
        return new DifferentiationOptions { Backend = backend, Adaptive = adaptive, LowerBounds = lower, UpperBounds = upper };
    }

    /// <summary>Second differences need room on both sides of x: every coordinate gets some, a
    /// few of them little enough that the steps shrink.</summary>
    private static DifferentiationOptions TwoSidedBounds(Backend backend, bool adaptive)
    {
        var lower = new double[N];
        var upper = new double[N];
        for (var i = 0; i < N; i++)
        {
            (lower[i], upper[i]) = (i % 3) switch
            {
                0 => (X[i] - 1e-6, double.PositiveInfinity),
                1 => (double.NegativeInfinity, X[i] + 2e-6),
                _ => (double.NegativeInfinity, double.PositiveInfinity),
            };
        }
        return new DifferentiationOptions { Backend = backend, Adaptive = adaptive, LowerBounds = lower, UpperBounds = upper };
    }

    private static double Chain(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
            sum += x[i] * x[i] + (i + 1 < x.Length ? Math.Sin(x[i]) * x[i + 1] : 0);
        return sum;
    }

    /// <summary>∇Chain, by hand.</summary>
    private static void ChainGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        for (var i = 0; i < x.Length; i++)
            g[i] = 2 * x[i] + (i + 1 < x.Length ? Math.Cos(x[i]) * x[i + 1] : 0) + (i > 0 ? Math.Sin(x[i - 1]) : 0);
    }

    [Theory]
    [MemberData(nameof(FirstDerivativeCases))]
    public void Bounded_first_derivative_span_overloads_allocate_nothing_in_steady_state(Backend backend, FirstDerivative kind, bool adaptive)
    {
        var options = OneSidedBounds(backend, adaptive);
        var band = SparsePatterns.Banded(N, 2);
        var rows = SparsePatterns.RowFunction(band);
        var jacobianColoring = JacobianColoring.Compute(band);
        var hessianColoring = HessianColoring.Compute(SparsePatterns.Tridiagonal(N));
        ScalarFunction f = Chain;
        VectorFunction gradient = ChainGradient;
        double[] g = new double[N], errors = new double[N], jacobian = new double[N * N];
        var values = new double[Math.Max(band.NonZeros, hessianColoring.Pattern.NonZeros)];
        Action call = kind switch
        {
            FirstDerivative.Gradient when adaptive => () => Differentiate.Gradient(f, X, g, options, errors: errors),
            FirstDerivative.Gradient => () => Differentiate.Gradient(f, X, g, options),
            FirstDerivative.Jacobian => () => Differentiate.Jacobian(rows, N, X, jacobian, options),
            FirstDerivative.SparseJacobian => () => Differentiate.SparseJacobian(rows, jacobianColoring, X, values, options),
            _ => () => Differentiate.SparseHessianFromGradient(gradient, hessianColoring, X, values, options),
        };
        var bytes = Allocations.SteadyState(call);
        Assert.True(bytes == 0, $"{backend} {kind} adaptive {adaptive}: {bytes} bytes");
    }

    [Theory]
    [MemberData(nameof(SecondDerivativeCases))]
    public void Bounded_second_derivative_span_overloads_allocate_nothing_in_steady_state(Backend backend, SecondDerivative kind, bool adaptive)
    {
        var options = TwoSidedBounds(backend, adaptive);
        var pattern = SparsePatterns.Tridiagonal(N);
        ScalarFunction f = Chain;
        double[] h = new double[N * N], d = new double[N], errors = new double[pattern.NonZeros], values = new double[pattern.NonZeros];
        Action call = kind switch
        {
            SecondDerivative.Hessian => () => Differentiate.Hessian(f, X, h, options),
            SecondDerivative.HessianDiagonal when adaptive => () => Differentiate.HessianDiagonal(f, X, d, options, errors: errors.AsSpan(0, N)),
            SecondDerivative.HessianDiagonal => () => Differentiate.HessianDiagonal(f, X, d, options),
            _ when adaptive => () => Differentiate.SparseHessian(f, pattern, X, values, options, errors: errors),
            _ => () => Differentiate.SparseHessian(f, pattern, X, values, options),
        };
        var bytes = Allocations.SteadyState(call);
        Assert.True(bytes == 0, $"{backend} {kind} adaptive {adaptive}: {bytes} bytes");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_larger_bounded_call_in_between_leaves_the_bits_of_a_smaller_one_unchanged(Backend backend)
    {
        const int small = 6, large = 40;
        var x = X[..small];
        var options = new DifferentiationOptions
        {
            Backend = backend,
            LowerBounds = new[] { x[0], double.NegativeInfinity, double.NegativeInfinity, x[3] - 1e-9, x[4], double.NegativeInfinity },
            UpperBounds = new[] { double.PositiveInfinity, x[1], double.PositiveInfinity, x[3] + 3e-9, double.PositiveInfinity, x[5] },
        };
        // The larger call fills every group buffer further, in another order: all forward except a
        // backward tail, over a denser colouring.
        var wide = SparsePatterns.Point(large, 3);
        var wideOptions = new DifferentiationOptions
        {
            Backend = backend,
            LowerBounds = wide.Select((v, i) => i < 30 ? v : double.NegativeInfinity).ToArray(),
            UpperBounds = wide.Select((v, i) => i < 30 ? double.PositiveInfinity : v).ToArray(),
        };
        var band = SparsePatterns.Banded(small, 2);
        var coloring = JacobianColoring.Compute(band);
        var wideColoring = JacobianColoring.Compute(SparsePatterns.Banded(large, 4));
        var rows = SparsePatterns.RowFunction(band);
        var wideRows = SparsePatterns.RowFunction(wideColoring.Pattern);
        ScalarFunction f = Chain;
        foreach (var adaptive in new[] { false, true })
        {
            var o = options with { Adaptive = adaptive };
            var w = wideOptions with { Adaptive = adaptive };
            double[] gradient = new double[small], jacobian = new double[small * small], values = new double[band.NonZeros];
            Differentiate.Gradient(f, x, gradient, o);
            Differentiate.Jacobian(rows, small, x, jacobian, o);
            Differentiate.SparseJacobian(rows, coloring, x, values, o);

            Differentiate.Gradient(f, wide, new double[large], w);
            Differentiate.Jacobian(wideRows, large, wide, new double[large * large], w);
            Differentiate.SparseJacobian(wideRows, wideColoring, wide, new double[wideColoring.Pattern.NonZeros], w);

            double[] gradientAgain = new double[small], jacobianAgain = new double[small * small], valuesAgain = new double[band.NonZeros];
            Differentiate.Gradient(f, x, gradientAgain, o);
            Differentiate.Jacobian(rows, small, x, jacobianAgain, o);
            Differentiate.SparseJacobian(rows, coloring, x, valuesAgain, o);
            for (var i = 0; i < small; i++)
                Bits.AssertIdentical(gradient[i], gradientAgain[i], $"adaptive {adaptive} gradient {i}");
            for (var e = 0; e < jacobian.Length; e++)
                Bits.AssertIdentical(jacobian[e], jacobianAgain[e], $"adaptive {adaptive} Jacobian {e}");
            for (var e = 0; e < values.Length; e++)
                Bits.AssertIdentical(values[e], valuesAgain[e], $"adaptive {adaptive} sparse Jacobian {e}");
        }
    }
}

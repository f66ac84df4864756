using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>Gradients and Hessians against the exact values of TestData/mgh.json and closed forms.</summary>
public class MultivariateAccuracyTests
{
    private static readonly DifferentiationOptions Adaptive = new() { Adaptive = true };

    [Theory]
    [MemberData(nameof(MghProblems.Data), MemberType = typeof(MghProblems))]
    public void Default_gradient_matches_the_published_gradient(MghProblems.Problem p)
    {
        var g = Differentiate.Gradient(p.F, p.X0);
        Assert.Equal(2 * p.N + 1, g.Evaluations); // the stencil's 2n and f(x) for the step check, which rechecks no coordinate here
        Assert.Equal(DerivativeStatus.Ok, g.Status);
        Assert.True(MghProblems.ScaledError(g.Values, p.Gradient) <= 1e-9, $"{p}: {MghProblems.ScaledError(g.Values, p.Gradient)}");
    }

    [Theory]
    [MemberData(nameof(MghProblems.Data), MemberType = typeof(MghProblems))]
    public void Default_hessian_matches_the_published_hessian(MghProblems.Problem p)
    {
        var h = Differentiate.Hessian(p.F, p.X0);
        Assert.Equal(2 * p.N * p.N + 1 + 2 * p.N, h.Evaluations); // the stencil's 2n² + 1 and f(x ± 2hᵢeᵢ) for the step check, which shrinks no step here
        Assert.True(MghProblems.ScaledError(h.Values, p.Hessian) <= 3e-7, $"{p}: {MghProblems.ScaledError(h.Values, p.Hessian)}");
        for (var i = 0; i < p.N; i++)
            for (var j = 0; j < p.N; j++)
                Assert.Equal(h.Values[i * p.N + j], h.Values[j * p.N + i]);
    }

    [Theory]
    [MemberData(nameof(MghProblems.Data), MemberType = typeof(MghProblems))]
    public void Adaptive_gradient_and_hessian_are_far_more_accurate(MghProblems.Problem p)
    {
        var g = Differentiate.Gradient(p.F, p.X0, Adaptive);
        Assert.True(MghProblems.ScaledError(g.Values, p.Gradient) <= 1e-12, $"{p} gradient: {MghProblems.ScaledError(g.Values, p.Gradient)}");
        var h = Differentiate.Hessian(p.F, p.X0, Adaptive);
        Assert.True(MghProblems.ScaledError(h.Values, p.Hessian) <= 1e-10, $"{p} hessian: {MghProblems.ScaledError(h.Values, p.Hessian)}");
        Assert.NotNull(h.Errors);
    }

    [Fact]
    public void Extended_rosenbrock_100_meets_the_accuracy_targets()
    {
        var x = MghProblems.StandardStart(100);
        var gradient = Differentiate.Gradient(MghProblems.ExtendedRosenbrock, x);
        Assert.True(MghProblems.ScaledError(gradient.Values, MghProblems.ExtendedRosenbrockGradient(x)) <= 1e-9);
        var truth = MghProblems.ExtendedRosenbrockHessian(x);
        var hessian = Differentiate.Hessian(MghProblems.ExtendedRosenbrock, x);
        Assert.True(MghProblems.ScaledError(hessian.Values, truth) <= 3e-7, $"{MghProblems.ScaledError(hessian.Values, truth)}");
        var adaptive = Differentiate.Hessian(MghProblems.ExtendedRosenbrock, x, Adaptive);
        Assert.True(MghProblems.ScaledError(adaptive.Values, truth) <= 1e-10, $"{MghProblems.ScaledError(adaptive.Values, truth)}");
    }

    [Fact]
    public void Adaptive_error_estimates_cover_the_true_errors()
    {
        var x = MghProblems.StandardStart(10);
        var g = Differentiate.Gradient(MghProblems.ExtendedRosenbrock, x, Adaptive);
        var truth = MghProblems.ExtendedRosenbrockGradient(x);
        for (var i = 0; i < x.Length; i++)
            Assert.True(g.Errors![i] >= Math.Abs(g.Values[i] - truth[i]), $"entry {i}: estimate {g.Errors[i]}, error {Math.Abs(g.Values[i] - truth[i])}");
    }

    [Fact]
    public void Hessian_diagonal_and_hessian_vector_product_match_closed_forms()
    {
        var x = MghProblems.StandardStart(12);
        var h = MghProblems.ExtendedRosenbrockHessian(x);
        var diagonal = new double[12];
        var info = Differentiate.HessianDiagonal(MghProblems.ExtendedRosenbrock, x, diagonal);
        Assert.Equal(25 + 24, info.Evaluations); // 1 + 2n, and 2n for the step check, which shrinks no step here
        for (var i = 0; i < 12; i++) Assert.Equal(h[i * 12 + i], diagonal[i], 1e-4 * 1330);

        var v = Enumerable.Range(0, 12).Select(i => Math.Sin(i + 1.0)).ToArray();
        var product = new double[12];
        var hvp = Differentiate.HessianVectorProduct(MghProblems.ExtendedRosenbrock, x, v, product);
        Assert.Equal(48 + 48, hvp.Evaluations); // 4n, and 4n for the step check at twice the steps, which shrinks none here
        var expected = Enumerable.Range(0, 12).Select(i => Enumerable.Range(0, 12).Sum(j => h[i * 12 + j] * v[j])).ToArray();
        Assert.True(MghProblems.ScaledError(product, expected) <= 1e-6, $"{MghProblems.ScaledError(product, expected)}");
    }

    // f(x) = Σ sin(xₖ)·exp(xₖ₊₁/2), indices cyclic: not a polynomial, so no stencil is exact, and its
    // Hessian is tridiagonal-cyclic in closed form.
    internal static double SineExp(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var k = 0; k < x.Length; k++) sum += Math.Sin(x[k]) * Math.Exp(0.5 * x[(k + 1) % x.Length]);
        return sum;
    }

    internal static double[] SineExpHessian(double[] x)
    {
        var n = x.Length;
        var h = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            int next = (k + 1) % n, before = (k + n - 1) % n;
            h[k * n + k] = -Math.Sin(x[k]) * Math.Exp(0.5 * x[next]) + 0.25 * Math.Sin(x[before]) * Math.Exp(0.5 * x[k]);
            var mixed = 0.5 * Math.Cos(x[k]) * Math.Exp(0.5 * x[next]);
            h[k * n + next] += mixed;
            h[next * n + k] += mixed;
        }
        return h;
    }

    [Fact]
    public void Adaptive_diagonal_and_hessian_vector_product_are_accurate_and_bound_their_errors()
    {
        const int n = 9;
        var x = Enumerable.Range(0, n).Select(i => 0.7 * i - 2.3).ToArray();
        var h = SineExpHessian(x);
        var truthDiagonal = Enumerable.Range(0, n).Select(i => h[i * n + i]).ToArray();
        var v = Enumerable.Range(0, n).Select(i => Math.Cos(1.0 + i)).ToArray();
        var truthProduct = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => h[i * n + j] * v[j])).ToArray();

        var fixedDiagonal = new double[n];
        Differentiate.HessianDiagonal(SineExp, x, fixedDiagonal);
        double[] diagonal = new double[n], diagonalErrors = new double[n];
        var info = Differentiate.HessianDiagonal(SineExp, x, diagonal, errors: diagonalErrors);
        Assert.Equal(6 * (1 + 2 * n), info.Evaluations);
        var fixedError = MghProblems.ScaledError(fixedDiagonal, truthDiagonal);
        var adaptiveError = MghProblems.ScaledError(diagonal, truthDiagonal);
        Assert.True(adaptiveError <= 1e-10 && adaptiveError < fixedError / 100, $"diagonal: adaptive {adaptiveError}, fixed {fixedError}");
        for (var i = 0; i < n; i++)
            Assert.True(diagonalErrors[i] >= Math.Abs(diagonal[i] - truthDiagonal[i]), $"diagonal {i}: estimate {diagonalErrors[i]}, error {Math.Abs(diagonal[i] - truthDiagonal[i])}");

        var fixedProduct = new double[n];
        Differentiate.HessianVectorProduct(SineExp, x, v, fixedProduct);
        double[] product = new double[n], productErrors = new double[n];
        var hvp = Differentiate.HessianVectorProduct(SineExp, x, v, product, errors: productErrors);
        Assert.Equal(6 * 4 * n, hvp.Evaluations);
        fixedError = MghProblems.ScaledError(fixedProduct, truthProduct);
        adaptiveError = MghProblems.ScaledError(product, truthProduct);
        Assert.True(adaptiveError <= 1e-10 && adaptiveError < fixedError / 100, $"hvp: adaptive {adaptiveError}, fixed {fixedError}");
        for (var i = 0; i < n; i++)
            Assert.True(productErrors[i] >= Math.Abs(product[i] - truthProduct[i]), $"hvp {i}: estimate {productErrors[i]}, error {Math.Abs(product[i] - truthProduct[i])}");
        // Estimates that are honest but not absurdly loose.
        Assert.True(diagonalErrors.Max() < 1e-6 && productErrors.Max() < 1e-6, $"{diagonalErrors.Max()} {productErrors.Max()}");
    }

    [Fact]
    public void Directional_derivative_is_the_gradient_along_v()
    {
        var x = MghProblems.StandardStart(6);
        double[] v = [0.3, -1, 2, 0.5, 0, 1];
        var g = MghProblems.ExtendedRosenbrockGradient(x);
        var expected = g.Zip(v, (a, b) => a * b).Sum();
        var r = Differentiate.DirectionalDerivative(MghProblems.ExtendedRosenbrock, x, v);
        Assert.True(Math.Abs(r.Value - expected) <= 1e-8 * Math.Abs(expected), $"{r.Value} vs {expected}");
        var adaptive = Differentiate.DirectionalDerivative(MghProblems.ExtendedRosenbrock, x, v, new DerivativeOptions { Method = DerivativeMethod.Adaptive });
        Assert.True(Math.Abs(adaptive.Value - expected) <= 1e-12 * Math.Abs(expected), $"{adaptive.Value} vs {expected}");
        Assert.NotNull(adaptive.Error);
    }

    [Fact]
    public void Jacobian_of_the_rosenbrock_residuals_matches_the_closed_form()
    {
        // r(x) = (10(x2 - x1^2), 1 - x1): J = [[-20 x1, 10], [-1, 0]].
        double[] x = [-1.2, 1.0];
        var j = Differentiate.Jacobian((p, y) => { y[0] = 10 * (p[1] - p[0] * p[0]); y[1] = 1 - p[0]; }, 2, x);
        Assert.Equal(5, j.Evaluations); // 2n, and f(x) for the step check, which rechecks no entry here
        double[] truth = [24, 10, -1, 0];
        for (var k = 0; k < 4; k++) Assert.Equal(truth[k], j.Values[k], 1e-8);
        var adaptive = Differentiate.Jacobian((p, y) => { y[0] = 10 * (p[1] - p[0] * p[0]); y[1] = 1 - p[0]; }, 2, x, new DifferentiationOptions { Adaptive = true });
        for (var k = 0; k < 4; k++) Assert.Equal(truth[k], adaptive.Values[k], 1e-12);
    }

    [Theory]
    [InlineData(DifferenceScheme.Central, 4)]
    [InlineData(DifferenceScheme.Central, 8)]
    [InlineData(DifferenceScheme.Forward, 2)]
    [InlineData(DifferenceScheme.Backward, 3)]
    public void Other_schemes_and_accuracies_give_accurate_gradients(DifferenceScheme scheme, int accuracy)
    {
        var x = MghProblems.StandardStart(10);
        var g = Differentiate.Gradient(MghProblems.ExtendedRosenbrock, x, new DifferentiationOptions { Scheme = scheme, Accuracy = accuracy });
        Assert.True(MghProblems.ScaledError(g.Values, MghProblems.ExtendedRosenbrockGradient(x)) <= 1e-7);
        // Central stencils add f(x) for the step check; one-sided ones (no check) hold f(x) among
        // their points and evaluate it once for all ten coordinates.
        var perCoordinate = DiffNative.Stencils.Get(scheme, 1, accuracy).Evaluations - (scheme == DifferenceScheme.Central ? 0 : 1);
        Assert.Equal(perCoordinate * 10 + 1, g.Evaluations);
    }
}

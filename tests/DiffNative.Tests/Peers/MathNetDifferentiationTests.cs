namespace DiffNative.Tests.Peers;

/// <summary>Math.NET Numerics' differentiation tests (mathnet/mathnet-numerics at 84e9432b,
/// src/Numerics.Tests/DifferentiationTests/: FiniteDifferenceCoefficientsTests.cs,
/// NumericalDerivativeTests.cs, NumericalHessianTests.cs, NumericalJacobianTests.cs), ported with
/// Math.NET's own assertions: Assert.AreEqual(expected, actual, delta), and exact equality where
/// Math.NET gives no delta. Math.NET's NumericalDerivative(points, center) maps to our stencils
/// (3 points centre 1 → central accuracy 2; 5 points centre 2 → central accuracy 4 for first
/// derivatives, accuracy 2 for third; centre 0 / last → forward / backward). Each case runs with
/// our defaults and with the best method (adaptive, or the matching stencil).</summary>
public class MathNetDifferentiationTests
{
    private static readonly DerivativeOptions Adaptive = new() { Method = DerivativeMethod.Adaptive };
    private static readonly DifferentiationOptions AdaptiveMulti = new() { Adaptive = true };

    // ---- FiniteDifferenceCoefficientsTests.cs --------------------------------------------------

    /// <summary>FiniteDifferenceCoefficientsTests.CentralDifferenceFirstOrderThreePointTest: [−½, 0, ½], exactly.</summary>
    [Fact]
    public void Central_difference_first_order_three_point() =>
        new PeerCheck().Within("weights", FiniteDifferenceWeights.Compute(1, [-1.0, 0, 1]), [-0.5, 0, 0.5], 0).Verify();

    /// <summary>FiniteDifferenceCoefficientsTests.CentralDifferenceSecondOrderFivePointsTest:
    /// [−1/12, 4/3, −5/2, 4/3, −1/12], exactly.</summary>
    [Fact]
    public void Central_difference_second_order_five_points() =>
        new PeerCheck().Within("weights", FiniteDifferenceWeights.Compute(2, [-2.0, -1, 0, 1, 2]),
            [(double)-1 / 12, (double)4 / 3, (double)-5 / 2, (double)4 / 3, (double)-1 / 12], 0).Verify();

    /// <summary>FiniteDifferenceCoefficientsTests.ForwardDifferenceThirdOrderEightPointsTest:
    /// [−967/120, 638/15, −3929/40, 389/3, −2545/24, 268/5, −1849/120, 29/15], exactly.</summary>
    [Fact]
    public void Forward_difference_third_order_eight_points() =>
        new PeerCheck().Within("weights", FiniteDifferenceWeights.Compute(3, [0.0, 1, 2, 3, 4, 5, 6, 7]),
            [(double)-967 / 120, (double)638 / 15, (double)-3929 / 40, (double)389 / 3, (double)-2545 / 24, (double)268 / 5, (double)-1849 / 120, (double)29 / 15], 0).Verify();

    /// <summary>FiniteDifferenceCoefficientsTests.BackwardDifferenceThirdOrderFourPointsTest: [−1, 3, −3, 1], exactly.</summary>
    [Fact]
    public void Backward_difference_third_order_four_points() =>
        new PeerCheck().Within("weights", FiniteDifferenceWeights.Compute(3, [-3.0, -2, -1, 0]), [-1, 3, -3, 1], 0).Verify();

    // ---- NumericalDerivativeTests.cs -----------------------------------------------------------

    /// <summary>NumericalDerivativeTests.SinFirstDerivativeAtZeroTest: sin′(0) = 1 within 1e-10.</summary>
    [Fact]
    public void Sin_first_derivative_at_zero()
    {
        var check = new PeerCheck();
        foreach (var (name, o) in new[] { ("default", DerivativeOptions.Default), ("adaptive", Adaptive) })
        {
            var r = Differentiate.Derivative(Math.Sin, 0.0, o);
            check.Within(name, r.Value, 1, 1e-10).Ok(name, r.Status);
        }
        check.Verify();
    }

    private static double Cubic(double x) => 3 * Math.Pow(x, 3) + 2 * x - 6;

    /// <summary>NumericalDerivativeTests.CubicPolynomialThirdDerivativeAtAnyValTest and
    /// CreateDerivativeFunctionHandleTest: (3x³ + 2x − 6)‴ = 18 at 0 and 10, and (2x³ + 2x − 6)‴ = 12
    /// at 0, exactly, from 5-point stencils centred at 0 (forward), 2 (central) and 4 (backward);
    /// our third derivatives at accuracy 2 use those stencils.</summary>
    [Fact(Skip = "Fails today: (Math.NET asserts exact equality) Order = 3 (accuracy 2) of 3x^3+2x-6: Central 17.999998143966916 at 0, 18.00000001943887 at 10; Forward 18.000013480744574 at 0, 17.999984314578544 at 10; Backward 18.000013480744574 at 0, 18.000004506541817 at 10; 2x^3 at 0: Central 12.000000953612847, Forward 11.999981234898714, Backward 11.999985616835188 (truth 18 and 12; Math.NET's 5-point stencils hit them exactly); status Ok")]
    public void Cubic_polynomial_third_derivative_default_accuracy()
    {
        var check = new PeerCheck();
        foreach (var m in new[] { DerivativeMethod.Central, DerivativeMethod.Forward, DerivativeMethod.Backward })
        {
            var o = new DerivativeOptions { Order = 3, Method = m };
            foreach (var x in new[] { 0.0, 10.0 })
                check.Within($"{m} at {x}", Differentiate.Derivative(Cubic, x, o).Value, 18, 0);
            check.Within($"{m}: 2x^3 at 0", Differentiate.Derivative(x => 2 * Math.Pow(x, 3) + 2 * x - 6, 0.0, o).Value, 12, 0);
        }
        check.Verify();
    }

    /// <summary>NumericalDerivativeTests.CubicPolynomialThirdDerivativeAtAnyValTest, adaptive.</summary>
    [Fact(Skip = "Fails today: (Math.NET asserts exact equality) Adaptive Order = 3 of 2x^3+2x-6 at 0: 12.000000000000346 vs 12 (the 3x^3 cases are exact)")]
    public void Cubic_polynomial_third_derivative_adaptive()
    {
        var check = new PeerCheck();
        var o = new DerivativeOptions { Order = 3, Method = DerivativeMethod.Adaptive };
        foreach (var x in new[] { 0.0, 10.0 })
            check.Within($"at {x}", Differentiate.Derivative(Cubic, x, o).Value, 18, 0);
        check.Within("2x^3 at 0", Differentiate.Derivative(x => 2 * Math.Pow(x, 3) + 2 * x - 6, 0.0, o).Value, 12, 0);
        check.Verify();
    }

    /// <summary>NumericalDerivativeTests.CubicPolynomialFunctionValueTest: 3-point forward (centre 0)
    /// (3x³ + 2x − 6)′(2) = 38 within 1e-8; with our defaults and with forward accuracy 2.</summary>
    [Fact]
    public void Cubic_polynomial_function_value()
    {
        var check = new PeerCheck();
        foreach (var (name, o) in new[] { ("default", DerivativeOptions.Default), ("forward", new DerivativeOptions { Method = DerivativeMethod.Forward }) })
        {
            var r = Differentiate.Derivative(Cubic, 2.0, o);
            check.Within(name, r.Value, 38, 1e-8).Ok(name, r.Status);
        }
        check.Verify();
    }

    private static double ExpFunction(ReadOnlySpan<double> x) => Math.Sin(x[0] * x[1]) + Math.Exp(-x[0] / 2) + x[1] / x[0];

    private static double[] ExpFunctionGradient(double[] x) =>
    [
        Math.Cos(x[0] * x[1]) * x[1] - Math.Exp(-x[0] / 2) / 2 - x[1] / Math.Pow(x[0], 2),
        Math.Cos(x[0] * x[1]) * x[0] + 1 / x[0],
    ];

    private static void ExponentialPartials(DifferentiationOptions? options)
    {
        var check = new PeerCheck();
        double[] x1 = [3, 3], x2 = [300, -50];
        var g1 = Differentiate.Gradient(ExpFunction, x1, options);
        var g2 = Differentiate.Gradient(ExpFunction, x2, options);
        var t1 = ExpFunctionGradient(x1);
        var t2 = ExpFunctionGradient(x2);
        check.Within("dfdx at (3, 3)", g1.Values[0], t1[0], 1e-8).Within("dfdy at (3, 3)", g1.Values[1], t1[1], 1e-8).Ok("(3, 3)", g1.Status);
        check.Within("dfdx at (300, -50)", g2.Values[0], t2[0], 1e-5).Within("dfdy at (300, -50)", g2.Values[1], t2[1], 1e-2).Ok("(300, -50)", g2.Status);
        check.Verify();
    }

    /// <summary>NumericalDerivativeTests.ExponentialFunctionPartialDerivativeTest: sin(xy) + e^(−x/2) + y/x,
    /// partials at (3, 3) within 1e-8 and at (300, −50) within 1e-5 and 1e-2.</summary>
    [Fact]
    public void Exponential_function_partial_derivative_default() => ExponentialPartials(null);

    /// <summary>NumericalDerivativeTests.ExponentialFunctionPartialDerivativeTest, adaptive.</summary>
    [Fact]
    public void Exponential_function_partial_derivative_adaptive() => ExponentialPartials(AdaptiveMulti);

    /// <summary>NumericalDerivativeTests.ExponentialFunctionPartialDerivativeCurrentValueTest: the
    /// 5-point central partials (our accuracy 4) at (3, 3) within 1e-8.</summary>
    [Fact]
    public void Exponential_function_partial_derivative_five_point()
    {
        double[] x = [3, 3];
        var g = Differentiate.Gradient(ExpFunction, x, new DifferentiationOptions { Accuracy = 4 });
        var t = ExpFunctionGradient(x);
        new PeerCheck().Within("dfdx", g.Values[0], t[0], 1e-8).Within("dfdy", g.Values[1], t[1], 1e-8).Ok("g", g.Status).Verify();
    }

    private static double Rosen100(ReadOnlySpan<double> x) => Math.Pow(1 - x[0], 2) + 100 * Math.Pow(x[1] - Math.Pow(x[0], 2), 2);

    private static void RosenbrockMixed(DifferentiationOptions? options)
    {
        double[] x = [2, 2];
        var g = Differentiate.Gradient(Rosen100, x, options);
        var h = Differentiate.Hessian(Rosen100, x, options);
        new PeerCheck()
            .Within("df/dx", g.Values[0], 1602, 1e-6).Ok("gradient", g.Status)
            .Within("d2f/dx2", h.Values[0], 4002, 0).Within("d2f/dxdy", h.Values[1], -800, 0).Ok("Hessian", h.Status)
            .Verify();
    }

    /// <summary>NumericalDerivativeTests.RosenbrockFunctionMixedDerivativeOneVariableSecondOrderTest and
    /// ...TwoVariableSecondOrderTest: Rosenbrock at (2, 2): ∂f/∂x = 1602 within 1e-6, ∂²f/∂x² = 4002 and
    /// ∂²f/∂x∂y = −800 exactly.</summary>
    [Fact(Skip = "Fails today: (Math.NET asserts exact equality) default Hessian of (1-x)^2+100(y-x^2)^2 at (2, 2): d2f/dx2 4002.000011444092 vs 4002 (rel. 2.9e-9; the gradient 1602 and d2f/dxdy -800 pass)")]
    public void Rosenbrock_mixed_derivatives_default() => RosenbrockMixed(null);

    /// <summary>NumericalDerivativeTests Rosenbrock mixed derivatives, adaptive.</summary>
    [Fact(Skip = "Fails today: (Math.NET asserts exact equality) Adaptive Hessian of the Rosenbrock function at (2, 2): d2f/dx2 4002.000000000262 vs 4002, d2f/dxdy -800.0000000000011 vs -800")]
    public void Rosenbrock_mixed_derivatives_adaptive() => RosenbrockMixed(AdaptiveMulti);

    private static void VectorFunctionPartials(DifferentiationOptions? options)
    {
        double[] x = [2, 2];
        VectorFunction f = (v, y) => { y[0] = Math.Pow(v[0], 2) - 3 * v[1]; y[1] = v[1] * v[1] + 2 * v[0] * v[1]; };
        var j = Differentiate.Jacobian(f, 2, x, options);
        var h0 = Differentiate.Hessian(v => Math.Pow(v[0], 2) - 3 * v[1], x, options);
        var h1 = Differentiate.Hessian(v => v[1] * v[1] + 2 * v[0] * v[1], x, options);
        new PeerCheck()
            .Within("d/dx0", [j.Values[0], j.Values[2]], [4, 4], 0)
            .Within("d/dx1", [j.Values[1], j.Values[3]], [-3, 8], 0).Ok("Jacobian", j.Status)
            .Within("d2/dx0^2", [h0.Values[0], h1.Values[0]], [2, 0], 0)
            .Within("d2/dx0dx1", [h0.Values[1], h1.Values[1]], [0, 2], 0)
            .Within("d2/dx1dx0", [h0.Values[2], h1.Values[2]], [0, 2], 0).Ok("Hessians", h0.Status).Ok("Hessians", h1.Status)
            .Verify();
    }

    /// <summary>NumericalDerivativeTests.VectorFunction1PartialDerivativeTest and
    /// VectorFunctionMixedPartialDerivativeTest: [x₀² − 3x₁, x₁² + 2x₀x₁] at (2, 2), exactly.</summary>
    [Fact(Skip = "Fails today: (Math.NET asserts exact equality) default Jacobian of [x0^2-3x1, x1^2+2x0x1] at (2, 2): J[0,0] 3.9999999999816658 vs 4, J[0,1] -2.9999999999633316 vs -3; (the Hessians are exact)")]
    public void Vector_function_partials_default() => VectorFunctionPartials(null);

    /// <summary>NumericalDerivativeTests vector-function partials, adaptive.</summary>
    [Fact(Skip = "Fails today: (Math.NET asserts exact equality) Adaptive Hessians of x0^2-3x1 and x1^2+2x0x1 at (2, 2): d2/dx0^2 2.0000000000003877 vs 2, d2/dx0dx1 of the second 1.9999999999999905 vs 2")]
    public void Vector_function_partials_adaptive() => VectorFunctionPartials(AdaptiveMulti);

    // ---- NumericalHessianTests.cs --------------------------------------------------------------

    private static void HessianCases(DifferentiationOptions? options, DerivativeOptions scalar)
    {
        var check = new PeerCheck();
        var d2 = Differentiate.Derivative(x => Math.Pow(2 * x, 2), 2.0, scalar with { Order = 2 });
        check.Within("((2x)^2)'' at 2", d2.Value, 8, 1e-7).Ok("scalar", d2.Status);
        var h = Differentiate.Hessian(x => 4 * Math.Pow(x[0], 2) + 3 * Math.Pow(x[1], 3), [1.0, 1.0], options);
        check.Within("H of 4x^2 + 3y^3 at (1, 1)", h.Values, [8, 0, 0, 18], 0).Ok("H", h.Status);
        var r = Differentiate.Hessian(Rosen100, [2.0, 3.0], options);
        check.Within("Rosenbrock H at (2, 3)", r.Values, [3602, -800, -800, 200], 1e-7).Ok("Rosenbrock", r.Status);
        check.Verify();
    }

    /// <summary>NumericalHessianTests: ((2x)²)″(2) = 8 within 1e-7; the Hessian of 4x² + 3y³ at (1, 1)
    /// is [[8, 0], [0, 18]] exactly; the Rosenbrock Hessian at (2, 3) is [[3602, −800], [−800, 200]] within 1e-7.</summary>
    [Fact(Skip = "Fails today: default Hessian of (1-x)^2+100(y-x^2)^2 at (2, 3): H[0,0] 3602.000011920929 vs 3602 (|diff| 1.2e-5 > 1e-7, Math.NET's 5-point passes); status Ok. (4x^2+3y^3 at (1, 1) and ((2x)^2)'' pass)")]
    public void Numerical_hessian_default() => HessianCases(null, DerivativeOptions.Default);

    /// <summary>NumericalHessianTests, adaptive.</summary>
    [Fact(Skip = "Fails today: (Math.NET asserts exact equality) Adaptive Hessian of 4x^2+3y^3 at (1, 1): H[0,0] 7.999999999999862 vs 8, H[1,1] 18.000000000000274 vs 18 (the Rosenbrock Hessian within 1e-7 passes)")]
    public void Numerical_hessian_adaptive() => HessianCases(AdaptiveMulti, Adaptive);

    // ---- NumericalJacobianTests.cs -------------------------------------------------------------

    private static void JacobianCases(DifferentiationOptions? options, DerivativeOptions scalar)
    {
        var check = new PeerCheck();
        // sin(xy)e^(−x/2) + y/x at (1, 1); Math.NET's literals −0.92747906175 and 1.32770991402.
        var g = Differentiate.Gradient(x => Math.Sin(x[0] * x[1]) * Math.Exp(-x[0] / 2) + x[1] / x[0], [1.0, 1.0], options);
        double e = Math.Exp(-0.5), s = Math.Sin(1.0), c = Math.Cos(1.0);
        check.Within("gradient at (1, 1)", g.Values, [c * e - 0.5 * s * e - 1, c * e + 1], 1e-9).Ok("gradient", g.Status);
        var d = Differentiate.Derivative(x => 1 / x, 2.0, scalar);
        check.Within("(1/x)' at 2", d.Value, -0.25, 1e-7).Ok("1/x", d.Status);
        var j = Differentiate.Jacobian((x, y) => { y[0] = Math.Pow(x[0], 2) * x[1]; y[1] = 5 * x[0] + Math.Sin(x[1]); }, 2, [1.0, 1.0], options);
        check.Within("J[0,0]", j.Values[0], 2, 0).Within("J[0,1]", j.Values[1], 1, 0).Within("J[1,0]", j.Values[2], 5, 0)
            .Within("J[1,1]", j.Values[3], Math.Cos(1.0), 1e-7).Ok("J", j.Status);
        check.Verify();
    }

    /// <summary>NumericalJacobianTests: the gradient of sin(xy)e^(−x/2) + y/x at (1, 1) within 1e-9,
    /// (1/x)′(2) = −¼ within 1e-7, and the Jacobian of [x²y, 5x + sin y] at (1, 1) (2, 1, 5 exactly, cos 1 within 1e-7).</summary>
    [Fact(Skip = "Fails today: (Math.NET asserts exact equality) default Jacobian of [x^2 y, 5x + sin y] at (1, 1): J[0,0] 1.9999999999908329 vs 2, J[1,0] 5.0000000000366684 vs 5 (the gradient within 1e-9 and (1/x)' pass)")]
    public void Numerical_jacobian_default() => JacobianCases(null, DerivativeOptions.Default);

    /// <summary>NumericalJacobianTests, adaptive.</summary>
    [Fact(Skip = "Fails today: (Math.NET asserts exact equality) Adaptive Jacobian of [x^2 y, 5x + sin y] at (1, 1): J[1,0] 4.999999999999997 vs 5")]
    public void Numerical_jacobian_adaptive() => JacobianCases(AdaptiveMulti, Adaptive);
}

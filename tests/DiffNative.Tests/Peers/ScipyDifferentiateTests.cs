namespace DiffNative.Tests.Peers;

/// <summary>SciPy's scipy/differentiate/tests/test_differentiate.py (TestDerivative, TestJacobian,
/// TestHessian; scipy/scipy at 3dbf660a), ported: the same functions, points and tolerances, run once
/// with our defaults and once with the method closest to scipy.differentiate's (an adaptive
/// Richardson extrapolation: <see cref="DerivativeMethod.Adaptive"/>, <c>Adaptive = true</c>).
/// SciPy asserts with xp_assert_close, whose float64 default is rtol = 4√ε ≈ 5.96e-8.</summary>
public class ScipyDifferentiateTests
{
    private const double Rtol = PeerCheck.ScipyDefaultRtol;
    private static readonly DerivativeOptions Adaptive = new() { Method = DerivativeMethod.Adaptive };
    private static readonly DifferentiationOptions AdaptiveMulti = new() { Adaptive = true };

    // ---- TestDerivative.test_basic -----------------------------------------------------------

    /// <summary>test_differentiate.py, TestDerivative.test_basic[x=0.6]: ndtr′(0.6) = φ(0.6).</summary>
    [Fact]
    public void Basic_ndtr_at_0_6_default() =>
        new PeerCheck().Result("ndtr' at 0.6", Differentiate.Derivative(PeerFunctions.Ndtr, 0.6), PeerFunctions.NormPdf(0.6), Rtol).Verify();

    /// <summary>test_differentiate.py, TestDerivative.test_basic[x=0.6], adaptive: the value and,
    /// as SciPy also asserts, an error estimate that covers the true error.</summary>
    [Fact]
    public void Basic_ndtr_at_0_6_adaptive()
    {
        var r = Differentiate.Derivative(PeerFunctions.Ndtr, 0.6, Adaptive);
        var truth = PeerFunctions.NormPdf(0.6);
        new PeerCheck().Result("ndtr' at 0.6", r, truth, Rtol).Verify();
        Assert.True(Math.Abs(r.Value - truth) < r.Error, $"error estimate {r.Error} vs true error {Math.Abs(r.Value - truth)}");
    }

    /// <summary>test_differentiate.py, TestDerivative.test_basic[x=linspace(-0.05, 1.05, 10)].</summary>
    [Fact]
    public void Basic_ndtr_on_linspace_default()
    {
        var check = new PeerCheck();
        foreach (var x in PeerFunctions.Linspace(-0.05, 1.05, 10))
            check.Result($"ndtr' at {x:R}", Differentiate.Derivative(PeerFunctions.Ndtr, x), PeerFunctions.NormPdf(x), Rtol);
        check.Verify();
    }

    /// <summary>test_differentiate.py, TestDerivative.test_basic[x=linspace(-0.05, 1.05, 10)], adaptive.</summary>
    [Fact]
    public void Basic_ndtr_on_linspace_adaptive()
    {
        var check = new PeerCheck();
        foreach (var x in PeerFunctions.Linspace(-0.05, 1.05, 10))
        {
            var r = Differentiate.Derivative(PeerFunctions.Ndtr, x, Adaptive);
            var truth = PeerFunctions.NormPdf(x);
            check.Result($"ndtr' at {x:R}", r, truth, Rtol);
            if (!(Math.Abs(r.Value - truth) < r.Error))
                check.Within($"ndtr' at {x:R}: error estimate {r.Error} must exceed the true error", r.Value, truth, r.Error ?? 0, strict: true);
        }
        check.Verify();
    }

    // ---- TestDerivative.test_preserve_shape --------------------------------------------------

    private static readonly (string Name, Func<double, double> F, double D0)[] PreserveShape =
    [
        ("x", x => x, 1),
        ("sin(3x)", x => Math.Sin(3 * x), 3),
        ("x + sin(10x)", x => x + Math.Sin(10 * x), 11),
        ("sin(20x)(x-1)^2", x => Math.Sin(20 * x) * (x - 1) * (x - 1), 20), // 20cos(0)(−1)² + 2sin(0)(−1)
    ];

    /// <summary>test_differentiate.py, TestDerivative.test_preserve_shape: four functions at x = 0.</summary>
    [Fact]
    public void Preserve_shape_four_functions_at_0_default()
    {
        var check = new PeerCheck();
        foreach (var (name, f, d) in PreserveShape)
            check.Result(name, Differentiate.Derivative(f, 0.0), d, Rtol);
        check.Verify();
    }

    /// <summary>test_differentiate.py, TestDerivative.test_preserve_shape, adaptive.</summary>
    [Fact]
    public void Preserve_shape_four_functions_at_0_adaptive()
    {
        var check = new PeerCheck();
        foreach (var (name, f, d) in PreserveShape)
            check.Result(name, Differentiate.Derivative(f, 0.0, Adaptive), d, Rtol);
        check.Verify();
    }

    // ---- TestDerivative.test_convergence -----------------------------------------------------

    /// <summary>test_differentiate.py, TestDerivative.test_convergence: ndtr′(1) to the tighter of
    /// its bounds, |df − ref| &lt; 1e-6·ref (SciPy asks order=4 with rtol=1e-6).</summary>
    [Fact]
    public void Convergence_ndtr_at_1_default() =>
        new PeerCheck().Result("ndtr' at 1", Differentiate.Derivative(PeerFunctions.Ndtr, 1.0), PeerFunctions.NormPdf(1), 1e-6).Verify();

    /// <summary>test_differentiate.py, TestDerivative.test_convergence, with accuracy 4 (SciPy's order=4).</summary>
    [Fact]
    public void Convergence_ndtr_at_1_accuracy_4() =>
        new PeerCheck().Result("ndtr' at 1", Differentiate.Derivative(PeerFunctions.Ndtr, 1.0, new DerivativeOptions { Accuracy = 4 }),
            PeerFunctions.NormPdf(1), 1e-6).Verify();

    // ---- TestDerivative.test_step_direction --------------------------------------------------

    private static double ExpOnZeroTwo(double x) => x is < 0 or > 2 ? double.NaN : Math.Exp(x);

    private static DerivativeMethod DirectionAt(double x) =>
        x < 0.6 ? DerivativeMethod.Forward : x > 1.4 ? DerivativeMethod.Backward : DerivativeMethod.Central;

    /// <summary>test_differentiate.py, TestDerivative.test_step_direction: exp, NaN outside [0, 2],
    /// at linspace(0, 2, 10), forward below 0.6 and backward above 1.4 (our Forward/Backward methods
    /// at their default accuracy 2).</summary>
    [Fact]
    public void Step_direction_exp_on_0_2_default_accuracy()
    {
        var check = new PeerCheck();
        foreach (var x in PeerFunctions.Linspace(0, 2, 10))
            check.Result($"exp' at {x:R} ({DirectionAt(x)})", Differentiate.Derivative(ExpOnZeroTwo, x, new DerivativeOptions { Method = DirectionAt(x) }),
                Math.Exp(x), Rtol);
        check.Verify();
    }

    /// <summary>test_differentiate.py, TestDerivative.test_step_direction: one-sided points with
    /// accuracy 4, central points adaptive.</summary>
    [Fact]
    public void Step_direction_exp_on_0_2_best()
    {
        var check = new PeerCheck();
        foreach (var x in PeerFunctions.Linspace(0, 2, 10))
        {
            var m = DirectionAt(x);
            var options = m == DerivativeMethod.Central ? Adaptive : new DerivativeOptions { Method = m, Accuracy = 4 };
            check.Result($"exp' at {x:R} ({options.Method})", Differentiate.Derivative(ExpOnZeroTwo, x, options), Math.Exp(x), Rtol);
        }
        check.Verify();
    }

    // ---- TestDerivative.test_vectorized_step_direction_args ----------------------------------

    private static IEnumerable<(double X, DerivativeMethod M, int P)> PowerCases() =>
        from x in new[] { 1.0, 2, 3, 4 }
        from m in new[] { DerivativeMethod.Backward, DerivativeMethod.Central, DerivativeMethod.Forward }
        from p in new[] { 2, 3 }
        select (x, m, p);

    /// <summary>test_differentiate.py, TestDerivative.test_vectorized_step_direction_args: xᵖ at
    /// x ∈ {1, 2, 3, 4}, p ∈ {2, 3}, step direction −1, 0, 1 (default accuracy).</summary>
    [Fact]
    public void Vectorized_step_direction_args_powers_default_accuracy()
    {
        var check = new PeerCheck();
        foreach (var (x, m, p) in PowerCases())
            check.Result($"x^{p} at {x} ({m})", Differentiate.Derivative(t => Math.Pow(t, p), x, new DerivativeOptions { Method = m }),
                p * Math.Pow(x, p - 1), Rtol);
        check.Verify();
    }

    /// <summary>test_differentiate.py, TestDerivative.test_vectorized_step_direction_args: central
    /// adaptive, one-sided accuracy 4.</summary>
    [Fact]
    public void Vectorized_step_direction_args_powers_best()
    {
        var check = new PeerCheck();
        foreach (var (x, m, p) in PowerCases())
        {
            var options = m == DerivativeMethod.Central ? Adaptive : new DerivativeOptions { Method = m, Accuracy = 4 };
            check.Result($"x^{p} at {x} ({options.Method})", Differentiate.Derivative(t => Math.Pow(t, p), x, options), p * Math.Pow(x, p - 1), Rtol);
        }
        check.Verify();
    }

    // ---- TestDerivative.test_dtype (float64) -------------------------------------------------

    /// <summary>test_differentiate.py, TestDerivative.test_dtype[float64]: exp at 0.65 and 0.7,
    /// order 4, each step direction, rtol = √ε.</summary>
    [Fact]
    public void Dtype_float64_exp_each_direction_default_accuracy()
    {
        var check = new PeerCheck();
        foreach (var x in new[] { 0.65, 0.7 })
        foreach (var m in new[] { DerivativeMethod.Backward, DerivativeMethod.Central, DerivativeMethod.Forward })
            check.Result($"exp' at {x} ({m})", Differentiate.Derivative(Math.Exp, x, new DerivativeOptions { Method = m }), Math.Exp(x), PeerCheck.JuliaDefaultRtol);
        check.Verify();
    }

    /// <summary>test_differentiate.py, TestDerivative.test_dtype[float64] with accuracy 4 (SciPy's order=4).</summary>
    [Fact]
    public void Dtype_float64_exp_each_direction_accuracy_4()
    {
        var check = new PeerCheck();
        foreach (var x in new[] { 0.65, 0.7 })
        foreach (var m in new[] { DerivativeMethod.Backward, DerivativeMethod.Central, DerivativeMethod.Forward })
            check.Result($"exp' at {x} ({m})", Differentiate.Derivative(Math.Exp, x, new DerivativeOptions { Method = m, Accuracy = 4 }),
                Math.Exp(x), PeerCheck.JuliaDefaultRtol);
        check.Verify();
    }

    // ---- TestDerivative.test_initial_step ----------------------------------------------------

    /// <summary>test_differentiate.py, TestDerivative.test_initial_step: with a fixed step from
    /// logspace(−3, 0, 10) (order 2, one iteration), exp′(0)'s error grows with the step in every
    /// direction. Fixed steps only: there is no default-options variant.</summary>
    [Fact]
    public void Initial_step_error_grows_with_the_step()
    {
        var failures = new List<string>();
        foreach (var m in new[] { DerivativeMethod.Backward, DerivativeMethod.Central, DerivativeMethod.Forward })
        {
            var errors = Enumerable.Range(0, 10).Select(i => Math.Pow(10, -3 + i / 3.0))
                .Select(h => Math.Abs(Differentiate.Derivative(Math.Exp, 0.0, new DerivativeOptions { Method = m, Step = h }).Value - 1)).ToArray();
            for (var i = 0; i + 1 < errors.Length; i++)
                if (!(errors[i] < errors[i + 1])) failures.Add($"{m}: error {errors[i]:G3} at step {i} not below {errors[i + 1]:G3}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // ---- TestDerivative.test_special_cases ---------------------------------------------------

    /// <summary>test_differentiate.py, TestDerivative.test_special_cases: x⁹⁹ − 1 at 7 (SciPy runs
    /// rtol=1e-10 and asserts with its default rtol).</summary>
    [Fact]
    public void Special_cases_x_pow_99_at_7_default() =>
        new PeerCheck().Result("(x^99)' at 7", Differentiate.Derivative(x => Math.Pow(x, 99) - 1, 7.0), 99 * Math.Pow(7, 98), Rtol).Verify();

    /// <summary>test_differentiate.py, TestDerivative.test_special_cases: x⁹⁹ − 1 at 7, adaptive.</summary>
    [Fact]
    public void Special_cases_x_pow_99_at_7_adaptive() =>
        new PeerCheck().Result("(x^99)' at 7", Differentiate.Derivative(x => Math.Pow(x, 99) - 1, 7.0, Adaptive), 99 * Math.Pow(7, 98), Rtol).Verify();

    /// <summary>test_differentiate.py, TestDerivative.test_special_cases: 2xⁿ at 1.5 for n = 0..5,
    /// rtol 1e-15 (SciPy: one iteration of order max(1, n) from its 0.5 initial step).</summary>
    [Fact]
    public void Special_cases_polynomials_exact_default()
    {
        var check = new PeerCheck();
        for (var n = 0; n < 6; n++)
        {
            var k = n;
            check.Result($"(2x^{n})' at 1.5", Differentiate.Derivative(x => 2 * Math.Pow(x, k), 1.5), 2 * n * Math.Pow(1.5, n - 1), 1e-15);
        }
        check.Verify();
    }

    /// <summary>test_differentiate.py, TestDerivative.test_special_cases: as SciPy, the step 0.5 and
    /// a central stencil of accuracy ≥ max(1, n), so that the polynomial is differentiated exactly.</summary>
    [Fact]
    public void Special_cases_polynomials_exact_step_0_5()
    {
        var check = new PeerCheck();
        for (var n = 0; n < 6; n++)
        {
            var k = n;
            var accuracy = Math.Max(2, n + n % 2);
            check.Result($"(2x^{n})' at 1.5 (accuracy {accuracy})",
                Differentiate.Derivative(x => 2 * Math.Pow(x, k), 1.5, new DerivativeOptions { Step = 0.5, Accuracy = accuracy }),
                2 * n * Math.Pow(1.5, n - 1), 1e-15);
        }
        check.Verify();
    }

    /// <summary>test_differentiate.py, TestDerivative.test_special_cases: 3x − 1 at 2 (scalar args).</summary>
    [Fact]
    public void Special_cases_linear_default() =>
        new PeerCheck().Result("(3x-1)' at 2", Differentiate.Derivative(x => 3 * x - 1, 2.0), 3, Rtol).Verify();

    /// <summary>test_differentiate.py, TestDerivative.test_special_cases: 3x − 1 at 2, adaptive.</summary>
    [Fact]
    public void Special_cases_linear_adaptive() =>
        new PeerCheck().Result("(3x-1)' at 2", Differentiate.Derivative(x => 3 * x - 1, 2.0, Adaptive), 3, Rtol).Verify();

    // ---- TestDerivative.test_kwargs (float64) ------------------------------------------------

    /// <summary>test_differentiate.py, TestDerivative.test_kwargs[float64]: xᵖ + c·x at 1.23 for
    /// p ∈ {2, 3, 4}, c ∈ {1, 2, 3}.</summary>
    [Fact]
    public void Kwargs_power_plus_linear_at_1_23_default()
    {
        var check = new PeerCheck();
        foreach (var p in new[] { 2, 3, 4 })
        foreach (var c in new[] { 1, 2, 3 })
            check.Result($"x^{p}+{c}x at 1.23", Differentiate.Derivative(x => Math.Pow(x, p) + c * x, 1.23), p * Math.Pow(1.23, p - 1) + c, Rtol);
        check.Verify();
    }

    /// <summary>test_differentiate.py, TestDerivative.test_kwargs[float64], adaptive.</summary>
    [Fact]
    public void Kwargs_power_plus_linear_at_1_23_adaptive()
    {
        var check = new PeerCheck();
        foreach (var p in new[] { 2, 3, 4 })
        foreach (var c in new[] { 1, 2, 3 })
            check.Result($"x^{p}+{c}x at 1.23", Differentiate.Derivative(x => Math.Pow(x, p) + c * x, 1.23, Adaptive), p * Math.Pow(1.23, p - 1) + c, Rtol);
        check.Verify();
    }

    // ---- TestJacobian.test_examples (float64, size ()) ---------------------------------------

    /// <summary>The Wikipedia examples of TestJacobian: name, n inputs, m outputs, f, closed-form J (row-major m×n).</summary>
    public static TheoryData<string> JacobianExamples => new() { "f1", "f2", "f3", "f4", "f5", "rosen" };

    private static (int N, int M, VectorFunction F, Func<double[], double[]> J) Example(string name) => name switch
    {
        "f1" => (2, 2, (z, y) => { y[0] = z[0] * z[0] * z[1]; y[1] = 5 * z[0] + Math.Sin(z[1]); },
            z => [2 * z[0] * z[1], z[0] * z[0], 5, Math.Cos(z[1])]),
        "f2" => (2, 2, (z, y) => { y[0] = z[0] * Math.Cos(z[1]); y[1] = z[0] * Math.Sin(z[1]); },
            z => [Math.Cos(z[1]), -z[0] * Math.Sin(z[1]), Math.Sin(z[1]), z[0] * Math.Cos(z[1])]),
        "f3" => (3, 3, (z, y) =>
            {
                y[0] = z[0] * Math.Sin(z[1]) * Math.Cos(z[2]); y[1] = z[0] * Math.Sin(z[1]) * Math.Sin(z[2]); y[2] = z[0] * Math.Cos(z[1]);
            },
            z =>
            [
                Math.Sin(z[1]) * Math.Cos(z[2]), z[0] * Math.Cos(z[1]) * Math.Cos(z[2]), -z[0] * Math.Sin(z[1]) * Math.Sin(z[2]),
                Math.Sin(z[1]) * Math.Sin(z[2]), z[0] * Math.Cos(z[1]) * Math.Sin(z[2]), z[0] * Math.Sin(z[1]) * Math.Cos(z[2]),
                Math.Cos(z[1]), -z[0] * Math.Sin(z[1]), 0,
            ]),
        "f4" => (3, 4, (z, y) => { y[0] = z[0]; y[1] = 5 * z[2]; y[2] = 4 * z[1] * z[1] - 2 * z[2]; y[3] = z[2] * Math.Sin(z[0]); },
            z => [1, 0, 0, 0, 0, 5, 0, 8 * z[1], -2, z[2] * Math.Cos(z[0]), 0, Math.Sin(z[0])]),
        "f5" => (3, 3, F5, Df5),
        "rosen" => (5, 1, (z, y) => y[0] = PeerFunctions.Rosen(z), z => PeerFunctions.RosenDer(z)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static void F5(ReadOnlySpan<double> z, Span<double> y)
    {
        y[0] = 5 * z[1];
        y[1] = 4 * z[0] * z[0] - 2 * Math.Sin(z[1] * z[2]);
        y[2] = z[1] * z[2];
    }

    private static double[] Df5(double[] z) =>
    [
        0, 5, 0,
        8 * z[0], -2 * z[2] * Math.Cos(z[1] * z[2]), -2 * z[1] * Math.Cos(z[1] * z[2]),
        0, z[2], z[1],
    ];

    private static void JacobianExample(string name, DifferentiationOptions? options)
    {
        var (n, m, f, j) = Example(name);
        // SciPy draws x = rng.random(size=(m,)) with m = func.mn[0], the number of inputs here.
        var x = PeerFunctions.ScipyPoints("scipy_jacobian_examples")[..n];
        var r = Differentiate.Jacobian(f, m, x, options);
        new PeerCheck().AllClose($"{name} J at [{string.Join(", ", x)}]", r.Values, j(x), Rtol, 1e-10).Ok(name, r.Status).Verify();
    }

    /// <summary>test_differentiate.py, TestJacobian.test_examples[float64, size ()]: atol 1e-10.</summary>
    [Theory]
    [MemberData(nameof(JacobianExamples))]
    public void Jacobian_examples_default(string name) => JacobianExample(name, null);

    /// <summary>test_differentiate.py, TestJacobian.test_examples[float64, size ()], adaptive.</summary>
    [Theory]
    [MemberData(nameof(JacobianExamples))]
    public void Jacobian_examples_adaptive(string name) => JacobianExample(name, AdaptiveMulti);

    // ---- TestJacobian.test_attrs (values) ----------------------------------------------------

    private static void Attrs(DifferentiationOptions? options)
    {
        // [cos(x/2)cos(y), sin(2x)y²] at (0.5, 0.25); SciPy compares element-wise calls with each
        // other, the port compares with the closed form at SciPy's default rtol.
        double[] z = [0.5, 0.25];
        var r = Differentiate.Jacobian((v, y) => { y[0] = Math.Cos(0.5 * v[0]) * Math.Cos(v[1]); y[1] = Math.Sin(2 * v[0]) * v[1] * v[1]; }, 2, z, options);
        double[] truth =
        [
            -0.5 * Math.Sin(0.25) * Math.Cos(0.25), -Math.Cos(0.25) * Math.Sin(0.25),
            2 * Math.Cos(1.0) * 0.0625, Math.Sin(1.0) * 0.5,
        ];
        new PeerCheck().AllClose("J at (0.5, 0.25)", r.Values, truth, Rtol).Ok("J", r.Status).Verify();
    }

    /// <summary>test_differentiate.py, TestJacobian.test_attrs: the Jacobian's values.</summary>
    [Fact]
    public void Jacobian_attrs_values_default() => Attrs(null);

    /// <summary>test_differentiate.py, TestJacobian.test_attrs: the Jacobian's values, adaptive.</summary>
    [Fact]
    public void Jacobian_attrs_values_adaptive() => Attrs(AdaptiveMulti);

    // ---- TestJacobian.test_step_direction_size -----------------------------------------------

    private static void StepDirectionSize(bool adaptive)
    {
        // f5 is NaN outside x₀ ∈ [b₀, b₀ + 0.25], x₁ ∈ [b₁ − 0.1, b₁]; SciPy steps forward in x₀,
        // backward in x₁, centrally in x₂. Ours: the same box as bounds.
        var b = PeerFunctions.ScipyPoints("scipy_step_direction_size");
        VectorFunction f = (x, y) =>
        {
            if (x[0] < b[0] || x[0] > b[0] + 0.25 || x[1] > b[1] || x[1] < b[1] - 0.1 - 1e-7) { y.Fill(double.NaN); return; }
            F5(x, y);
        };
        var options = new DifferentiationOptions
        {
            LowerBounds = new[] { b[0], b[1] - 0.1, double.NegativeInfinity },
            UpperBounds = new[] { b[0] + 0.25, b[1], double.PositiveInfinity },
            Adaptive = adaptive,
        };
        var r = Differentiate.Jacobian(f, 3, b, options);
        new PeerCheck().AllClose("f5 J with a one-sided box", r.Values, Df5(b), Rtol, 1e-8).Ok("J", r.Status).Verify();
    }

    /// <summary>test_differentiate.py, TestJacobian.test_step_direction_size: atol 1e-8.</summary>
    [Fact]
    public void Jacobian_step_direction_size_default() => StepDirectionSize(false);

    /// <summary>test_differentiate.py, TestJacobian.test_step_direction_size, adaptive.</summary>
    [Fact]
    public void Jacobian_step_direction_size_adaptive() => StepDirectionSize(true);

    // ---- TestHessian.test_example (shape ()) -------------------------------------------------

    private static void HessianExample(DifferentiationOptions? options)
    {
        var x = PeerFunctions.ScipyPoints("scipy_jacobian_examples")[..3];
        var r = Differentiate.Hessian(PeerFunctions.Rosen, x, options);
        new PeerCheck().AllClose($"rosen H at [{string.Join(", ", x)}]", r.Values, PeerFunctions.RosenHess(x), Rtol, 1e-8).Ok("H", r.Status).Verify();
    }

    /// <summary>test_differentiate.py, TestHessian.test_example[shape ()]: rosen, atol 1e-8.</summary>
    [Fact]
    public void Hessian_rosen_example_default() => HessianExample(null);

    /// <summary>test_differentiate.py, TestHessian.test_example[shape ()], adaptive.</summary>
    [Fact]
    public void Hessian_rosen_example_adaptive() => HessianExample(AdaptiveMulti);
}

using System.Numerics;

namespace DiffNative.Tests.Peers;

/// <summary>SciPy's scipy/optimize/tests/test__numdiff.py (approx_derivative; scipy/scipy at
/// 3dbf660a), ported: TestApproxDerivativesDense, TestApproxDerivativeSparse, the linear-operator
/// class's gradient case and test_absolute_step_sign. approx_derivative's methods map to ours as
/// '2-point' → forward, accuracy 1; '3-point' (its default) → our default central stencil;
/// 'cs' → the complex step for scalar functions and <c>Adaptive = true</c> otherwise (our
/// multivariate engine has no complex step). Each case runs with our defaults at the '3-point'
/// tolerance, with forward accuracy 1 at the '2-point' tolerance, and with the best method at the
/// 'cs' tolerance.</summary>
public class ScipyNumdiffTests
{
    private static readonly DifferentiationOptions TwoPoint = new() { Scheme = DifferenceScheme.Forward, Accuracy = 1 };
    private static readonly DifferentiationOptions AdaptiveMulti = new() { Adaptive = true };
    private static readonly DerivativeOptions TwoPointScalar = new() { Method = DerivativeMethod.Forward, Accuracy = 1 };
    private static readonly DerivativeOptions ComplexStep = new() { Method = DerivativeMethod.Complex };

    // ---- the dense class's functions ---------------------------------------------------------

    private static void FunScalarVector(ReadOnlySpan<double> x, Span<double> y)
    {
        y[0] = x[0] * x[0]; y[1] = Math.Tan(x[0]); y[2] = Math.Exp(x[0]);
    }

    private static double[] JacScalarVector(double x) => [2 * x, Math.Pow(Math.Cos(x), -2), Math.Exp(x)];

    private static double FunVectorScalar(ReadOnlySpan<double> x) => Math.Sin(x[0] * x[1]) * Math.Log(x[0]);

    private static double[] JacVectorScalar(double[] x) =>
    [
        x[1] * Math.Cos(x[0] * x[1]) * Math.Log(x[0]) + Math.Sin(x[0] * x[1]) / x[0],
        x[0] * Math.Cos(x[0] * x[1]) * Math.Log(x[0]),
    ];

    private static void FunVectorVector(ReadOnlySpan<double> x, Span<double> y)
    {
        y[0] = x[0] * Math.Sin(x[1]);
        y[1] = x[1] * Math.Cos(x[0]);
        y[2] = x[0] * x[0] * x[0] * Math.Pow(x[1], -0.5);
    }

    private static double[] JacVectorVector(double[] x) =>
    [
        Math.Sin(x[1]), x[0] * Math.Cos(x[1]),
        -x[1] * Math.Sin(x[0]), Math.Cos(x[0]),
        3 * x[0] * x[0] * Math.Pow(x[1], -0.5), -0.5 * x[0] * x[0] * x[0] * Math.Pow(x[1], -1.5),
    ];

    private static PeerCheck Jacobian(PeerCheck check, string what, VectorFunction f, int m, double[] x, double[] truth,
        DifferentiationOptions? options, double rtol, double atol = 0)
    {
        var r = Differentiate.Jacobian(f, m, x, options);
        return check.AllClose(what, r.Values, truth, rtol, atol).Ok(what, r.Status);
    }

    private static PeerCheck Gradient(PeerCheck check, string what, ScalarFunction f, double[] x, double[] truth,
        DifferentiationOptions? options, double rtol, double atol = 0)
    {
        var r = Differentiate.Gradient(f, x, options);
        return check.AllClose(what, r.Values, truth, rtol, atol).Ok(what, r.Status);
    }

    // ---- test_scalar_scalar / test_scalar_scalar_abs_step ------------------------------------

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_scalar_scalar: sinh′(1), '3-point' rtol 1e-9.</summary>
    [Fact]
    public void Scalar_scalar_default() =>
        new PeerCheck().Result("sinh' at 1", Differentiate.Derivative(Math.Sinh, 1.0), Math.Cosh(1.0), 1e-9).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_scalar_scalar: '2-point', rtol 1e-6.</summary>
    [Fact]
    public void Scalar_scalar_two_point() =>
        new PeerCheck().Result("sinh' at 1", Differentiate.Derivative(Math.Sinh, 1.0, TwoPointScalar), Math.Cosh(1.0), 1e-6).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_scalar_scalar: 'cs', rtol 1e-12.</summary>
    [Fact]
    public void Scalar_scalar_complex_step() =>
        new PeerCheck().Result("sinh' at 1", Differentiate.Derivative(Complex.Sinh, 1.0, ComplexStep), Math.Cosh(1.0), 1e-12).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_scalar_scalar_abs_step: h = 1.49e-8
    /// for each method ('2-point' 1e-6, '3-point' 1e-9, 'cs' 1e-12).</summary>
    [Fact(Skip = "Fails today: '3-point' (central, Step = 1.49e-8): sinh' at 1 = 1.543080632563059 vs cosh(1) = 1.5430806348152437 (rel. 1.5e-9 > rtol 1e-9), status Ok; SciPy passes (it rounds h so that x + h - x is exact)")]
    public void Scalar_scalar_abs_step()
    {
        const double h = 1.49e-8;
        new PeerCheck()
            .Result("2-point", Differentiate.Derivative(Math.Sinh, 1.0, TwoPointScalar with { Step = h }), Math.Cosh(1.0), 1e-6)
            .Result("3-point", Differentiate.Derivative(Math.Sinh, 1.0, new DerivativeOptions { Step = h }), Math.Cosh(1.0), 1e-9)
            .Result("cs", Differentiate.Derivative(Complex.Sinh, 1.0, ComplexStep with { Step = h }), Math.Cosh(1.0), 1e-12)
            .Verify();
    }

    // ---- test_scalar_vector ------------------------------------------------------------------

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_scalar_vector: [x², tan x, eˣ] at 0.5, rtol 1e-9.</summary>
    [Fact]
    public void Scalar_vector_default() =>
        Jacobian(new PeerCheck(), "J", FunScalarVector, 3, [0.5], JacScalarVector(0.5), null, 1e-9).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_scalar_vector: '2-point', rtol 1e-6.</summary>
    [Fact]
    public void Scalar_vector_two_point() =>
        Jacobian(new PeerCheck(), "J", FunScalarVector, 3, [0.5], JacScalarVector(0.5), TwoPoint, 1e-6).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_scalar_vector: 'cs' tolerance 1e-12, adaptive.</summary>
    [Fact]
    public void Scalar_vector_adaptive() =>
        Jacobian(new PeerCheck(), "J", FunScalarVector, 3, [0.5], JacScalarVector(0.5), AdaptiveMulti, 1e-12).Verify();

    // ---- test_vector_scalar / test_vector_scalar_abs_step ------------------------------------

    private static readonly double[] VectorScalarX = [100.0, -0.5];

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_vector_scalar: sin(x₀x₁)·ln x₀ at (100, −0.5), rtol 1e-7.</summary>
    [Fact]
    public void Vector_scalar_default() =>
        Gradient(new PeerCheck(), "grad", FunVectorScalar, VectorScalarX, JacVectorScalar(VectorScalarX), null, 1e-7).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_vector_scalar: '2-point', rtol 1e-6.</summary>
    [Fact]
    public void Vector_scalar_two_point() =>
        Gradient(new PeerCheck(), "grad", FunVectorScalar, VectorScalarX, JacVectorScalar(VectorScalarX), TwoPoint, 1e-6).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_vector_scalar: 'cs' tolerance 1e-12, adaptive.</summary>
    [Fact(Skip = "Fails today: Adaptive = true: grad[0] of sin(x0*x1)*ln(x0) at (100, -0.5) = -2.2192926439092218 vs -2.2192926439145686 (rel. 2.4e-12 > rtol 1e-12 that SciPy's 'cs' meets; the error estimate 6.2e-9 covers it; grad[1] passes), status Ok. Needs a complex-step gradient")]
    public void Vector_scalar_adaptive() =>
        Gradient(new PeerCheck(), "grad", FunVectorScalar, VectorScalarX, JacVectorScalar(VectorScalarX), AdaptiveMulti, 1e-12).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_vector_scalar_abs_step: steps
    /// 1.49e-8, '2-point' rtol 1e-6 and '3-point' rtol 3e-9.</summary>
    [Fact]
    public void Vector_scalar_abs_step()
    {
        var steps = new[] { 1.49e-8, 1.49e-8 };
        var truth = JacVectorScalar(VectorScalarX);
        var check = new PeerCheck();
        Gradient(check, "2-point", FunVectorScalar, VectorScalarX, truth, TwoPoint with { Steps = steps }, 1e-6);
        Gradient(check, "3-point", FunVectorScalar, VectorScalarX, truth, new DifferentiationOptions { Steps = steps }, 3e-9);
        check.Verify();
    }

    // ---- test_vector_vector ------------------------------------------------------------------

    private static readonly double[] VectorVectorX = [-100.0, 0.2];

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_vector_vector: at (−100, 0.2), rtol 1e-6.</summary>
    [Fact]
    public void Vector_vector_default() =>
        Jacobian(new PeerCheck(), "J", FunVectorVector, 3, VectorVectorX, JacVectorVector(VectorVectorX), null, 1e-6).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_vector_vector: '2-point', rtol 1e-5.</summary>
    [Fact]
    public void Vector_vector_two_point() =>
        Jacobian(new PeerCheck(), "J", FunVectorVector, 3, VectorVectorX, JacVectorVector(VectorVectorX), TwoPoint, 1e-5).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_vector_vector: 'cs' tolerance 1e-12, adaptive.</summary>
    [Fact]
    public void Vector_vector_adaptive() =>
        Jacobian(new PeerCheck(), "J", FunVectorVector, 3, VectorVectorX, JacVectorVector(VectorVectorX), AdaptiveMulti, 1e-12).Verify();

    // ---- test_custom_rel_step ----------------------------------------------------------------

    private static readonly double[] CustomStepX = [-0.1, 0.1];

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_custom_rel_step at (−0.1, 0.1):
    /// our default steps at the '3-point' rtol 1e-4.</summary>
    [Fact]
    public void Custom_rel_step_default() =>
        Jacobian(new PeerCheck(), "J", FunVectorVector, 3, CustomStepX, JacVectorVector(CustomStepX), null, 1e-4).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_custom_rel_step: steps 1e-4
    /// (rel_step·max(1, |x|)): '2-point' rtol 1e-2, '3-point' rtol 1e-4. The peer asserts values
    /// only; our central Jacobian's step check also judges the user's step, and 1e-4 is a hundred
    /// times what x₀³/√x₁ at x₁ = 0.1 needs (its error estimate 3.2e-8 on 0.095, as the scalar
    /// central derivative and the gradient at that step report): NotConverged, value within rtol.</summary>
    [Fact]
    public void Custom_rel_step_steps_1e_4()
    {
        var steps = new[] { 1e-4, 1e-4 };
        var truth = JacVectorVector(CustomStepX);
        var check = new PeerCheck();
        Jacobian(check, "2-point", FunVectorVector, 3, CustomStepX, truth, TwoPoint with { Steps = steps }, 1e-2);
        var central = Differentiate.Jacobian(FunVectorVector, 3, CustomStepX, new DifferentiationOptions { Steps = steps });
        check.AllClose("3-point", central.Values, truth, 1e-4).Verify();
        Assert.Equal(DerivativeStatus.NotConverged, central.Status);
    }

    // ---- test_options ------------------------------------------------------------------------

    private static void FunParametrized(ReadOnlySpan<double> x, Span<double> y)
    {
        y[0] = Math.Exp(-1.0 * x[0]); y[1] = Math.Exp(1.0 * x[1]);
    }

    private static readonly double[] OptionsTruth = [-Math.Exp(-1.0), 0, 0, Math.Exp(1.0)];

    private static DifferentiationOptions OptionsBounds(DifferentiationOptions o) =>
        o with { LowerBounds = new[] { 0.0, 0.0 }, UpperBounds = new[] { 2.0, 2.0 } };

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_options: [e^(c₀x₀), e^(c₁x₁)],
    /// c = (−1, 1), at (1, 1) within [0, 2]²; '3-point' rtol 1e-9.</summary>
    [Fact]
    public void Options_bounds_default() =>
        Jacobian(new PeerCheck(), "J", FunParametrized, 2, [1.0, 1.0], OptionsTruth, OptionsBounds(DifferentiationOptions.Default), 1e-9).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_options: SciPy's steps
    /// |rel_step| = (1e-6, 1e-7): '2-point' rtol 1e-6, '3-point' rtol 1e-9.</summary>
    [Fact]
    public void Options_bounds_steps()
    {
        var steps = new[] { 1e-6, 1e-7 };
        var check = new PeerCheck();
        Jacobian(check, "2-point", FunParametrized, 2, [1.0, 1.0], OptionsTruth, OptionsBounds(TwoPoint with { Steps = steps }), 1e-6);
        Jacobian(check, "3-point", FunParametrized, 2, [1.0, 1.0], OptionsTruth, OptionsBounds(new DifferentiationOptions { Steps = steps }), 1e-9);
        check.Verify();
    }

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_options, adaptive at the '3-point' rtol 1e-9.</summary>
    [Fact]
    public void Options_bounds_adaptive() =>
        Jacobian(new PeerCheck(), "J", FunParametrized, 2, [1.0, 1.0], OptionsTruth, OptionsBounds(AdaptiveMulti), 1e-9).Verify();

    // ---- test_with_bounds_2_point / test_with_bounds_3_point ---------------------------------

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_with_bounds_2_point: x₀ = (−2, 0.2)
    /// outside [−1, 1]² is refused.</summary>
    [Fact]
    public void With_bounds_point_outside_is_refused()
    {
        var options = new DifferentiationOptions { LowerBounds = new[] { -1.0, -1.0 }, UpperBounds = new[] { 1.0, 1.0 } };
        Assert.ThrowsAny<ArgumentException>(() => Differentiate.Jacobian(FunVectorVector, 3, [-2.0, 0.2], options));
    }

    private static void BoundsTwoPoint(DifferentiationOptions options, double rtol)
    {
        double[] x = [-1.0, 1.0];
        Jacobian(new PeerCheck(), "J", FunVectorVector, 3, x, JacVectorVector(x),
            options with { LowerBounds = new[] { -1.0, -1.0 }, UpperBounds = new[] { 1.0, 1.0 } }, rtol).Verify();
    }

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_with_bounds_2_point: x₀ = (−1, 1)
    /// on the corners of [−1, 1]², rtol 1e-6 (our default scheme).</summary>
    [Fact]
    public void With_bounds_on_the_corner_default() => BoundsTwoPoint(DifferentiationOptions.Default, 1e-6);

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_with_bounds_2_point: '2-point', rtol 1e-6.</summary>
    [Fact]
    public void With_bounds_on_the_corner_two_point() => BoundsTwoPoint(TwoPoint, 1e-6);

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_with_bounds_2_point, adaptive, rtol 1e-6.</summary>
    [Fact]
    public void With_bounds_on_the_corner_adaptive() => BoundsTwoPoint(AdaptiveMulti, 1e-6);

    private static void BoundsThreePoint(DifferentiationOptions options)
    {
        double[] x = [1.0, 2.0];
        var truth = JacVectorVector(x);
        double[] lb = [1.0, 1.0], ub = [2.0, 2.0], ninf = [double.NegativeInfinity, double.NegativeInfinity],
            pinf = [double.PositiveInfinity, double.PositiveInfinity];
        var check = new PeerCheck();
        Jacobian(check, "no bounds", FunVectorVector, 3, x, truth, options, 1e-9);
        Jacobian(check, "(lb, inf)", FunVectorVector, 3, x, truth, options with { LowerBounds = lb, UpperBounds = pinf }, 1e-9);
        Jacobian(check, "(-inf, ub)", FunVectorVector, 3, x, truth, options with { LowerBounds = ninf, UpperBounds = ub }, 1e-9);
        Jacobian(check, "(lb, ub)", FunVectorVector, 3, x, truth, options with { LowerBounds = lb, UpperBounds = ub }, 1e-9);
        check.Verify();
    }

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_with_bounds_3_point: x₀ = (1, 2)
    /// on the bounds [1, 2]², each half of the box, rtol 1e-9.</summary>
    [Fact]
    public void With_bounds_3_point_default() => BoundsThreePoint(DifferentiationOptions.Default);

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_with_bounds_3_point, adaptive.</summary>
    [Fact]
    public void With_bounds_3_point_adaptive() => BoundsThreePoint(AdaptiveMulti);

    // ---- test_tight_bounds -------------------------------------------------------------------

    private static void TightBounds(DifferentiationOptions options, string what)
    {
        double[] x = [10.0, 10.0];
        Jacobian(new PeerCheck(), what, FunVectorVector, 3, x, JacVectorVector(x),
            options with { LowerBounds = new[] { 10 - 3e-9, 10 - 3e-9 }, UpperBounds = new[] { 10 + 2e-9, 10 + 2e-9 } }, 1e-6).Verify();
    }

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_tight_bounds: (10, 10) in a box
    /// of width 5e-9, rtol 1e-6.</summary>
    [Fact]
    public void Tight_bounds_default() => TightBounds(DifferentiationOptions.Default, "default");

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_tight_bounds: '2-point', with
    /// SciPy's default step and with rel_step 1e-6 (steps 1e-5).</summary>
    [Fact]
    public void Tight_bounds_two_point()
    {
        TightBounds(TwoPoint, "2-point");
        TightBounds(TwoPoint with { Steps = new[] { 1e-5, 1e-5 } }, "2-point, steps 1e-5");
    }

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_tight_bounds: '3-point' with
    /// rel_step 1e-6 (steps 1e-5).</summary>
    [Fact]
    public void Tight_bounds_three_point_steps() => TightBounds(new DifferentiationOptions { Steps = new[] { 1e-5, 1e-5 } }, "3-point, steps 1e-5");

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_tight_bounds, adaptive.</summary>
    [Fact]
    public void Tight_bounds_adaptive() => TightBounds(AdaptiveMulti, "adaptive");

    // ---- test_bound_switches -----------------------------------------------------------------

    private static double FunWithNan(ReadOnlySpan<double> x) => Math.Abs(x[0]) <= 1e-8 ? x[0] : double.NaN;

    private static void BoundSwitches(DifferentiationOptions options, double rtol)
    {
        var check = new PeerCheck();
        foreach (var x0 in new[] { 0.0, 1e-8 })
            Gradient(check, $"x at {x0}", FunWithNan, [x0], [1.0],
                options with { LowerBounds = new[] { -1e-8 }, UpperBounds = new[] { 1e-8 } }, rtol);
        check.Verify();
    }

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_bound_switches: x, NaN outside
    /// |x| ≤ 1e-8, at 0 and at the bound 1e-8, within [−1e-8, 1e-8]; '3-point' rtol 1e-9.</summary>
    [Fact]
    public void Bound_switches_default() => BoundSwitches(DifferentiationOptions.Default, 1e-9);

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_bound_switches: '2-point' (rel_step 1e-6), rtol 1e-6.</summary>
    [Fact]
    public void Bound_switches_two_point() => BoundSwitches(TwoPoint with { Steps = new[] { 1e-6 } }, 1e-6);

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_bound_switches, adaptive, rtol 1e-9.</summary>
    [Fact]
    public void Bound_switches_adaptive() => BoundSwitches(AdaptiveMulti, 1e-9);

    // ---- test_non_numpy ----------------------------------------------------------------------

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_non_numpy: exp′(1), '3-point' rtol 1e-8.</summary>
    [Fact]
    public void Non_numpy_exp_default() =>
        new PeerCheck().Result("exp' at 1", Differentiate.Derivative(Math.Exp, 1.0), Math.E, 1e-8).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_non_numpy: '2-point', rtol 1e-6.</summary>
    [Fact]
    public void Non_numpy_exp_two_point() =>
        new PeerCheck().Result("exp' at 1", Differentiate.Derivative(Math.Exp, 1.0, TwoPointScalar), Math.E, 1e-6).Verify();

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_non_numpy: adaptive (math.exp has
    /// no complex form there), rtol 1e-8.</summary>
    [Fact]
    public void Non_numpy_exp_adaptive() =>
        new PeerCheck().Result("exp' at 1", Differentiate.Derivative(Math.Exp, 1.0, new DerivativeOptions { Method = DerivativeMethod.Adaptive }), Math.E, 1e-8).Verify();

    // ---- test_fp (float64) -------------------------------------------------------------------

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_fp[float64]: sin′(1) by '2-point'
    /// with SciPy's step h = √ε is within h/2·max|sin| + ε/h·max|sin| (truncation plus rounding).</summary>
    [Fact]
    public void Fp_two_point_error_bound()
    {
        var h = Math.Pow(2, -26); // SciPy: EPS**0.5 · max(1, |x|)
        var m = Math.Max(Math.Abs(Math.Sin(1.0)), Math.Abs(Math.Sin(1.0 + h)));
        var atol = h / 2 * m + Math.Pow(2, -52) / h * m;
        var r = Differentiate.Derivative(Math.Sin, 1.0, TwoPointScalar with { Step = h });
        new PeerCheck().Within("sin' at 1", r.Value, Math.Cos(1.0), atol, strict: true).Ok("sin' at 1", r.Status).Verify();
    }

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_fp[float64], with our defaults.</summary>
    [Fact]
    public void Fp_error_bound_default()
    {
        var h = Math.Pow(2, -26);
        var m = Math.Max(Math.Abs(Math.Sin(1.0)), Math.Abs(Math.Sin(1.0 + h)));
        var atol = h / 2 * m + Math.Pow(2, -52) / h * m;
        var r = Differentiate.Derivative(Math.Sin, 1.0);
        new PeerCheck().Within("sin' at 1", r.Value, Math.Cos(1.0), atol, strict: true).Ok("sin' at 1", r.Status).Verify();
    }

    // ---- test_check_derivative ---------------------------------------------------------------

    /// <summary>check_derivative's measure: max |J_true − J_num| / max(1, |J_num|).</summary>
    private static double Accuracy(double[] truth, double[] numeric) =>
        truth.Zip(numeric, (t, n) => Math.Abs(t - n) / Math.Max(1, Math.Abs(n))).Max();

    private static void CheckDerivative(DifferentiationOptions? options)
    {
        double[] x = [-10.0, 10.0];
        var r = Differentiate.Jacobian(FunVectorVector, 3, x, options);
        var acc = Accuracy(JacVectorVector(x), r.Values);
        Assert.True(acc < 1e-9, $"check_derivative accuracy {acc:G3} at (-10, 10), want < 1e-9; J = [{string.Join(", ", r.Values)}]");
        Assert.Equal(DerivativeStatus.Ok, r.Status);

        double[] zero = [0.0, 0.0];
        var z = Differentiate.Jacobian((v, y) => { y[0] = v[0] * v[1]; y[1] = Math.Cos(v[0] * v[1]); }, 2, zero, options);
        Assert.Equal(0.0, Accuracy([0, 0, 0, 0], z.Values));
    }

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_check_derivative: accuracy &lt; 1e-9
    /// at (−10, 10), and exactly 0 for [x₀x₁, cos(x₀x₁)] at the origin.</summary>
    [Fact]
    public void Check_derivative_default() => CheckDerivative(null);

    /// <summary>test__numdiff.py, TestApproxDerivativesDense.test_check_derivative, adaptive.</summary>
    [Fact]
    public void Check_derivative_adaptive() => CheckDerivative(AdaptiveMulti);

    // ---- test_absolute_step_sign -------------------------------------------------------------

    private static double Kinks(ReadOnlySpan<double> x) => -Math.Abs(x[0] + 1) + Math.Abs(x[1] + 1);

    /// <summary>test__numdiff.py, test_absolute_step_sign: −|x₀ + 1| + |x₁ + 1| at (−1, −1): forward
    /// differences give (−1, 1), backward (1, −1), and a bound flips each (assert_allclose, rtol 1e-7).</summary>
    [Fact]
    public void Absolute_step_sign_follows_the_scheme_and_the_bounds()
    {
        double[] x = [-1.0, -1.0];
        var forward = TwoPoint;
        var backward = TwoPoint with { Scheme = DifferenceScheme.Backward };
        var check = new PeerCheck();
        Gradient(check, "forward", Kinks, x, [-1, 1], forward, 1e-7);
        Gradient(check, "backward", Kinks, x, [1, -1], backward, 1e-7);
        Gradient(check, "forward, ub = -1", Kinks, x, [1, -1],
            forward with { UpperBounds = new[] { -1.0, -1.0 }, LowerBounds = new[] { double.NegativeInfinity, double.NegativeInfinity } }, 1e-7);
        Gradient(check, "backward, lb = -1", Kinks, x, [-1, 1],
            backward with { LowerBounds = new[] { -1.0, -1.0 }, UpperBounds = new[] { double.PositiveInfinity, double.PositiveInfinity } }, 1e-7);
        check.Verify();
    }

    // ---- TestApproxDerivativeLinearOperator.test_vector_scalar -------------------------------

    private static void LinearOperatorVectorScalar(DerivativeOptions? options, double rtol)
    {
        var truth = JacVectorScalar(VectorScalarX);
        var p = PeerFunctions.ScipyPoints("scipy_linear_operator_p");
        var check = new PeerCheck();
        for (var i = 0; i < 10; i++)
        {
            double[] v = [p[2 * i], p[2 * i + 1]];
            var r = Differentiate.DirectionalDerivative(FunVectorScalar, VectorScalarX, v, options);
            check.Result($"J·p, p = ({v[0]:R}, {v[1]:R})", r, truth[0] * v[0] + truth[1] * v[1], rtol);
        }
        check.Verify();
    }

    /// <summary>test__numdiff.py, TestApproxDerivativeLinearOperator.test_vector_scalar: J·p for ten
    /// p ~ U(−10, 10)² (default_rng(11290049580398)) as directional derivatives; '3-point' rtol 5e-6.</summary>
    [Fact]
    public void Linear_operator_vector_scalar_default() => LinearOperatorVectorScalar(null, 5e-6);

    /// <summary>test__numdiff.py, TestApproxDerivativeLinearOperator.test_vector_scalar: 'cs' rtol 1e-7, adaptive.</summary>
    [Fact]
    public void Linear_operator_vector_scalar_adaptive() =>
        LinearOperatorVectorScalar(new DerivativeOptions { Method = DerivativeMethod.Adaptive }, 1e-7);

    // ---- TestApproxDerivativeSparse ----------------------------------------------------------

    private const int SparseN = 50;

    /// <summary>The example of Numerical Optimization (2nd ed., p. 198) the sparse class uses.</summary>
    private static void SparseFun(ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        y.Clear();
        for (var i = 0; i + 1 < n; i++)
        {
            var e = x[i + 1] * x[i + 1] * x[i + 1] - x[i] * x[i];
            y[i + 1] += 3 * e;
            y[i] += 2 * e;
        }
    }

    private static double[] SparseJac(double[] x)
    {
        var n = x.Length;
        var j = new double[n * n];
        j[0] = -4 * x[0];
        j[1] = 6 * x[1] * x[1];
        for (var i = 1; i < n - 1; i++)
        {
            j[i * n + i - 1] = -6 * x[i - 1];
            j[i * n + i] = 9 * x[i] * x[i] - 4 * x[i];
            j[i * n + i + 1] = 6 * x[i + 1] * x[i + 1];
        }
        j[n * n - 1] = 9 * x[n - 1] * x[n - 1];
        j[n * n - 2] = -6 * x[n - 2];
        return j;
    }

    private static SparsityPattern SparseStructure(int n) =>
        SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n).SelectMany(i =>
            Enumerable.Range(Math.Max(0, i - 1), Math.Min(n - 1, i + 1) - Math.Max(0, i - 1) + 1).Select(c => (i, c))));

    private static (double[] X, double[] Lb, double[] Ub) SparseSetup()
    {
        var lb = Enumerable.Range(0, SparseN).Select(i => -0.1 * (1 + i)).ToArray();
        var ub = Enumerable.Range(0, SparseN).Select(i => 0.1 * (1 + i)).ToArray();
        var x = Enumerable.Range(0, SparseN).Select(i => i % 2 == 0 ? (1 - 1e-7) * lb[i] : (1 - 1e-7) * ub[i]).ToArray();
        return (x, lb, ub);
    }

    private static void SparseAll(DifferentiationOptions options, string what)
    {
        var (x, lb, ub) = SparseSetup();
        var truth = SparseJac(x);
        var pattern = SparseStructure(SparseN);
        var check = new PeerCheck();
        foreach (var (name, o) in new[]
                 {
                     ("no bounds", options),
                     ("(lb, ub)", options with { LowerBounds = lb, UpperBounds = ub }),
                 })
        {
            var r = Differentiate.SparseJacobian(SparseFun, pattern, x, o);
            check.AllClose($"{what}, {name}", r.Matrix.ToDense(), truth, 1e-6).Ok($"{what}, {name}", r.Status);
        }
        check.Verify();
    }

    /// <summary>test__numdiff.py, TestApproxDerivativeSparse.test_all / test_no_precomputed_groups:
    /// the 50×50 tridiagonal example near its bounds, with and without them, rtol 1e-6.</summary>
    [Fact]
    public void Sparse_all_default() => SparseAll(DifferentiationOptions.Default, "default");

    /// <summary>test__numdiff.py, TestApproxDerivativeSparse.test_all: '2-point', rtol 1e-6.</summary>
    [Fact]
    public void Sparse_all_two_point() => SparseAll(TwoPoint, "2-point");

    /// <summary>test__numdiff.py, TestApproxDerivativeSparse.test_all: 'cs' → adaptive, rtol 1e-6.</summary>
    [Fact]
    public void Sparse_all_adaptive() => SparseAll(AdaptiveMulti, "adaptive");

    /// <summary>test__numdiff.py, TestApproxDerivativeSparse.test_all: rel_step 1e-8 (steps
    /// 1e-8·max(1, |x|)), rtol 1e-5, '2-point' and '3-point'.</summary>
    [Fact]
    public void Sparse_all_rel_step_1e_8()
    {
        var (x, _, _) = SparseSetup();
        var steps = x.Select(v => 1e-8 * Math.Max(1, Math.Abs(v))).ToArray();
        var truth = SparseJac(x);
        var pattern = SparseStructure(SparseN);
        var check = new PeerCheck();
        foreach (var (name, o) in new[] { ("2-point", TwoPoint with { Steps = steps }), ("3-point", new DifferentiationOptions { Steps = steps }) })
        {
            var r = Differentiate.SparseJacobian(SparseFun, pattern, x, o);
            check.AllClose(name, r.Matrix.ToDense(), truth, 1e-5).Ok(name, r.Status);
        }
        check.Verify();
    }

    private static void SparseCheckDerivative(DifferentiationOptions options)
    {
        var (x, lb, ub) = SparseSetup();
        var bounded = options with { LowerBounds = lb, UpperBounds = ub };
        var dense = Differentiate.Jacobian(SparseFun, SparseN, x, bounded);
        var sparse = Differentiate.SparseJacobian(SparseFun, SparseStructure(SparseN), x, bounded);
        var truth = SparseJac(x);
        var accDense = Accuracy(truth, dense.Values);
        var accSparse = Accuracy(truth, sparse.Matrix.ToDense());
        Assert.True(accDense < 1e-9 && accSparse < 1e-9, $"check_derivative accuracy dense {accDense:G3}, sparse {accSparse:G3}; want < 1e-9");
    }

    /// <summary>test__numdiff.py, TestApproxDerivativeSparse.test_check_derivative: with the bounds,
    /// check_derivative's accuracy &lt; 1e-9 ('3-point').</summary>
    [Fact]
    public void Sparse_check_derivative_default() => SparseCheckDerivative(DifferentiationOptions.Default);

    /// <summary>test__numdiff.py, TestApproxDerivativeSparse.test_check_derivative, adaptive.</summary>
    [Fact]
    public void Sparse_check_derivative_adaptive() => SparseCheckDerivative(AdaptiveMulti);
}

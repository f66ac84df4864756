using System.Numerics;
using DiffNative.Cli.Expressions;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Expressions;

/// <summary>Compilation over complex values: Im f(x + ih)/h with h = 1e-200 against closed-form
/// derivatives, and the refusal of functions that are not analytic.</summary>
public class ComplexStepTests
{
    [Fact]
    public void Square_gives_the_exact_derivative() =>
        Assert.Equal(6.0, Evaluate.ComplexStep("x^2", 3.0));

    [Fact]
    public void Square_plus_sine_is_within_2_ulp() =>
        AssertClose(4.0 + Math.Cos(2.0), Evaluate.ComplexStep("x^2+sin(x)", 2.0), 2);

    public static TheoryData<string, double, double> Derivatives => new()
    {
        { "x^3", 1.5, 3 * 1.5 * 1.5 },
        { "x^-2", 2.0, -2.0 / 8.0 },
        { "x^0.5", 4.0, 0.25 },
        { "2^x", 3.0, Math.Log(2) * 8 },
        { "x^x", 2.0, 4 * (Math.Log(2) + 1) },
        { "1/x", 4.0, -1.0 / 16.0 },
        { "-x*x", 3.0, -6.0 },
        { "sin(x)", 1.0, Math.Cos(1.0) },
        { "cos(x)", 1.0, -Math.Sin(1.0) },
        { "tan(x)", 0.5, 1 / (Math.Cos(0.5) * Math.Cos(0.5)) },
        { "tan(x)", 1.5, 1 / (Math.Cos(1.5) * Math.Cos(1.5)) },
        { "asin(x)", 0.5, 1 / Math.Sqrt(0.75) },
        { "acos(x)", 0.5, -1 / Math.Sqrt(0.75) },
        { "atan(x)", 2.0, 0.2 },
        { "atan(x)", -0.5, 0.8 },
        { "sinh(x)", 1.0, Math.Cosh(1.0) },
        { "cosh(x)", 1.0, Math.Sinh(1.0) },
        { "tanh(x)", 0.5, 1 - Math.Tanh(0.5) * Math.Tanh(0.5) },
        { "tanh(x)", 20.0, 1 / (Math.Cosh(20.0) * Math.Cosh(20.0)) },
        { "tanh(x)", -100.0, 1 / (Math.Cosh(100.0) * Math.Cosh(100.0)) },
        { "exp(x)", 1.5, Math.Exp(1.5) },
        { "log(x)", 4.0, 0.25 },
        { "log10(x)", 4.0, 0.25 / Math.Log(10) },
        { "sqrt(x)", 4.0, 0.25 },
        { "cbrt(x)", 8.0, 1.0 / 12.0 },
        { "cbrt(x)", -8.0, 1.0 / 12.0 },
        { "sigmoid(x)", 0.5, Math.Exp(-0.5) / ((1 + Math.Exp(-0.5)) * (1 + Math.Exp(-0.5))) },
        { "sigmoid(x)", -3.0, Math.Exp(-3.0) / ((1 + Math.Exp(-3.0)) * (1 + Math.Exp(-3.0))) },
        { "sigmoid(x)", 10.0, Math.Exp(-10.0) / ((1 + Math.Exp(-10.0)) * (1 + Math.Exp(-10.0))) },
        { "softplus(x)", 0.5, 1 / (1 + Math.Exp(-0.5)) },
        { "softplus(x)", -3.0, 1 / (1 + Math.Exp(3.0)) },
        { "softplus(x)", -40.0, Math.Exp(-40.0) },
        { "pi*x + e", 1.0, Math.PI },
    };

    [Theory]
    [MemberData(nameof(Derivatives))]
    public void Complex_step_matches_the_closed_form_derivative(string text, double x, double derivative) =>
        AssertClose(derivative, Evaluate.ComplexStep(text, x), 8);

    [Theory]
    [InlineData("tanh(x)", 400.0, 0.0)]
    [InlineData("sigmoid(x)", 1000.0, 0.0)]
    [InlineData("sigmoid(x)", -1000.0, 0.0)]
    [InlineData("softplus(x)", 1000.0, 1.0)]
    [InlineData("softplus(x)", -1000.0, 0.0)]
    public void Stable_functions_stay_finite_far_out(string text, double x, double derivative) =>
        Assert.Equal(derivative, Evaluate.ComplexStep(text, x));

    [Theory]
    [InlineData("x^2 * y", 2.0, 3.0)]
    [InlineData("sin(x) + cos(y) * x", 0.3, -1.7)]
    [InlineData("sigmoid(x) * softplus(y) + cbrt(x - y)", 0.3, -1.7)]
    public void Real_part_on_the_real_axis_is_the_real_value(string text, double x, double y)
    {
        var f = ExpressionCompiler.Compile(text, ["x", "y"]);
        var value = f.CompileComplex()([new Complex(x, 0), new Complex(y, 0)]);
        AssertClose(f.Real([x, y]), value.Real, 4);
        Assert.Equal(0.0, value.Imaginary);
    }

    [Theory]
    [InlineData("abs(x)", "abs at column 1 is not analytic, so the complex-step method cannot be used; choose another method", 0)]
    [InlineData("x + relu(x)", "relu at column 5 is not analytic, so the complex-step method cannot be used; choose another method", 4)]
    [InlineData("2*erf(x)", "erf at column 3 is not implemented over the complex numbers, so the complex-step method cannot be used; choose another method", 2)]
    [InlineData("gelu(x) + abs(x)", "gelu at column 1 is not implemented over the complex numbers, so the complex-step method cannot be used; choose another method", 0)]
    public void Functions_without_an_analytic_form_are_refused(string text, string message, int position)
    {
        var compiled = ExpressionCompiler.Compile(text, ["x"]);
        var error = Assert.Throws<ExpressionException>(() => compiled.CompileComplex());
        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Refused_functions_still_evaluate_over_reals() =>
        Assert.Equal(2.0, ExpressionCompiler.Compile("abs(x)", ["x"]).Real([-2]));

    [Fact]
    public void Complex_delegate_is_compiled_once()
    {
        var f = ExpressionCompiler.Compile("x^2", ["x"]);
        Assert.Same(f.CompileComplex(), f.CompileComplex());
    }

    private static void AssertClose(double expected, double actual, ulong ulps) =>
        Assert.True(Ulps.Between(expected, actual) <= ulps,
            $"expected {expected:R}, got {actual:R} ({Ulps.Between(expected, actual)} ulp apart)");
}

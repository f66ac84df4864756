using DiffNative.Cli.Expressions;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Expressions;

/// <summary>Every function against Math.*, closed forms or the mpmath erf table.</summary>
public class FunctionTests
{
    public static TheoryData<string, double, double> MathFunctions => new()
    {
        { "sin", 0.5, Math.Sin(0.5) }, { "sin", -2.0, Math.Sin(-2.0) },
        { "cos", 0.5, Math.Cos(0.5) }, { "cos", 3.0, Math.Cos(3.0) },
        { "tan", 0.5, Math.Tan(0.5) }, { "tan", -1.2, Math.Tan(-1.2) },
        { "asin", 0.5, Math.Asin(0.5) }, { "asin", -0.9, Math.Asin(-0.9) },
        { "acos", 0.5, Math.Acos(0.5) }, { "acos", -0.9, Math.Acos(-0.9) },
        { "atan", 0.5, Math.Atan(0.5) }, { "atan", -20.0, Math.Atan(-20.0) },
        { "sinh", 0.5, Math.Sinh(0.5) }, { "sinh", -3.0, Math.Sinh(-3.0) },
        { "cosh", 0.5, Math.Cosh(0.5) }, { "cosh", -3.0, Math.Cosh(-3.0) },
        { "tanh", 0.5, Math.Tanh(0.5) }, { "tanh", -3.0, Math.Tanh(-3.0) },
        { "exp", 0.5, Math.Exp(0.5) }, { "exp", -3.0, Math.Exp(-3.0) },
        { "log", 0.5, Math.Log(0.5) }, { "log", 30.0, Math.Log(30.0) },
        { "log10", 0.5, Math.Log10(0.5) }, { "log10", 1000.0, 3.0 },
        { "sqrt", 2.0, Math.Sqrt(2.0) }, { "sqrt", 0.25, 0.5 },
        { "cbrt", 27.0, Math.Cbrt(27.0) }, { "cbrt", -8.0, Math.Cbrt(-8.0) },
        { "abs", -2.5, 2.5 }, { "abs", 3.0, 3.0 },
        { "relu", -2.5, 0.0 }, { "relu", 3.0, 3.0 },
    };

    [Theory]
    [MemberData(nameof(MathFunctions))]
    public void Function_matches_its_closed_form(string name, double x, double expected) =>
        Assert.Equal(expected, Evaluate.Real($"{name}(x)", x));

    [Fact]
    public void Log_is_natural() => Assert.Equal(1.0, Evaluate.Real("log(e)"));

    [Fact]
    public void Erf_matches_the_mpmath_table()
    {
        foreach (var p in ErfReference.Points.Where(p => Math.Abs(p.X) <= 6))
            Assert.True(Ulps.Between(p.Erf, Evaluate.Real("erf(x)", p.X)) <= 2, $"erf({p.X:R})");
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1000.0, 1.0)]
    [InlineData(-1000.0, 0.0)]
    [InlineData(40.0, 1.0)]
    public void Sigmoid_has_its_exact_values_and_saturates_without_nan(double x, double expected) =>
        Assert.Equal(expected, Evaluate.Real("sigmoid(x)", x));

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(4.5)]
    [InlineData(-4.5)]
    public void Sigmoid_is_one_over_one_plus_exp_minus_x(double x) =>
        AssertClose(1.0 / (1.0 + Math.Exp(-x)), Evaluate.Real("sigmoid(x)", x), 2);

    [Fact]
    public void Sigmoid_keeps_relative_accuracy_in_the_left_tail() =>
        // 1 + e^-700 rounds to 1, so sigmoid(-700) is e^-700 itself.
        Assert.Equal(Math.Exp(-700), Evaluate.Real("sigmoid(x)", -700));

    [Theory]
    [InlineData(1000.0, 1000.0)]
    [InlineData(-1000.0, 0.0)]
    [InlineData(40.0, 40.0)]
    public void Softplus_saturates_without_overflow_or_nan(double x, double expected) =>
        Assert.Equal(expected, Evaluate.Real("softplus(x)", x));

    [Theory]
    [InlineData(0.0, 0.6931471805599453)]
    [InlineData(1.0, 1.3132616875182228)]
    [InlineData(-1.0, 0.3132616875182228)]
    [InlineData(3.0, 3.048587351573742)]
    [InlineData(-3.0, 0.04858735157374206)]
    public void Softplus_is_log_of_one_plus_exp_x(double x, double expected) =>
        // Expected values from mpmath, log(1 + exp(x)) at 40 digits: the same formula in doubles
        // is 14 ulp off at x = -3.
        AssertClose(expected, Evaluate.Real("softplus(x)", x), 2);

    [Fact]
    public void Softplus_keeps_relative_accuracy_in_the_left_tail() =>
        // log(1 + t) = t - t²/2 + ..., and t = e^-40 ≈ 4.2e-18 makes t²/2 invisible.
        AssertClose(Math.Exp(-40), Evaluate.Real("softplus(x)", -40), 1);

    [Fact]
    public void Gelu_is_x_times_the_normal_cdf_of_the_mpmath_table()
    {
        // Where Φ(x) is subnormal, the table's Φ has too few bits for x·Φ to be a reference.
        foreach (var p in ErfReference.Points.Where(p => double.IsNormal(p.NormalCdf)))
            AssertClose(p.X * p.NormalCdf, Evaluate.Real("gelu(x)", p.X), 4);
    }

    [Fact]
    public void Gelu_tends_to_zero_and_to_x_at_the_ends()
    {
        Assert.Equal(1000.0, Evaluate.Real("gelu(x)", 1000));
        Assert.Equal(0.0, Evaluate.Real("gelu(x)", -1000));
        Assert.Equal(0.0, Evaluate.Real("gelu(x)", double.NegativeInfinity));
    }

    [Fact]
    public void Functions_nest_and_combine() =>
        Assert.Equal(Math.Sin(Math.Exp(0.5)) + Math.Sqrt(2.0) * Math.Log(3.0),
            Evaluate.Real("sin(exp(x)) + sqrt(y) * log(z)", 0.5, 2.0, 3.0));

    private static void AssertClose(double expected, double actual, ulong ulps) =>
        Assert.True(Ulps.Between(expected, actual) <= ulps,
            $"expected {expected:R}, got {actual:R} ({Ulps.Between(expected, actual)} ulp apart)");
}

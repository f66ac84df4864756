using DiffNative.Cli.Expressions;

namespace DiffNative.Tests.Expressions;

/// <summary>Numbers, operators, precedence and associativity: expected values worked by hand.</summary>
public class SyntaxTests
{
    [Theory]
    [InlineData("2", 2.0)]
    [InlineData("2.5", 2.5)]
    [InlineData(".5", 0.5)]
    [InlineData("2.", 2.0)]
    [InlineData("1e-06", 1e-06)]
    [InlineData("1E+3", 1000.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData("0.1", 0.1)]
    public void Numbers_are_read_in_the_invariant_culture(string text, double expected) =>
        Assert.Equal(expected, Evaluate.Real(text));

    [Fact]
    public void Numbers_do_not_depend_on_the_current_culture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(2.5, Evaluate.Real("2.5"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("1 + 2 * 3", 7.0)]
    [InlineData("(1 + 2) * 3", 9.0)]
    [InlineData("2 * 3 ^ 2", 18.0)]
    [InlineData("1 + 6 / 2", 4.0)]
    [InlineData("2 ^ 3 * 2", 16.0)]
    public void Powers_bind_tighter_than_products_and_products_tighter_than_sums(string text, double expected) =>
        Assert.Equal(expected, Evaluate.Real(text));

    [Theory]
    [InlineData("10 - 4 - 3", 3.0)]
    [InlineData("8 / 4 / 2", 1.0)]
    [InlineData("2 / 4 * 8", 4.0)]
    [InlineData("1 - 2 + 3", 2.0)]
    public void Sums_and_products_associate_to_the_left(string text, double expected) =>
        Assert.Equal(expected, Evaluate.Real(text));

    [Theory]
    [InlineData("2^3^2", 512.0)]
    [InlineData("(2^3)^2", 64.0)]
    [InlineData("2^2^-1", 1.4142135623730951)]
    public void Powers_associate_to_the_right(string text, double expected) =>
        Assert.Equal(expected, Evaluate.Real(text));

    [Theory]
    [InlineData("-x^2", 3.0, -9.0)]
    [InlineData("-2^2", 0.0, -4.0)]
    [InlineData("2^-1", 0.0, 0.5)]
    [InlineData("2^-x", 2.0, 0.25)]
    [InlineData("--x", 3.0, 3.0)]
    [InlineData("+x", 3.0, 3.0)]
    [InlineData("-+-x", 3.0, 3.0)]
    [InlineData("2*-x", 3.0, -6.0)]
    [InlineData("1 - -x", 3.0, 4.0)]
    public void Unary_signs_apply_to_the_whole_power(string text, double x, double expected) =>
        Assert.Equal(expected, Evaluate.Real(text, x));

    [Theory]
    [InlineData("x^2", 1.1, 2.0)]
    [InlineData("x^3", 1.1, 3.0)]
    [InlineData("x^3", -2.5, 3.0)]
    [InlineData("x^0.5", 0.7, 0.5)]
    [InlineData("x^-2", 10.0, -2.0)]
    public void Powers_are_math_pow_even_for_integer_exponents(string text, double x, double exponent) =>
        Assert.Equal(Math.Pow(x, exponent), Evaluate.Real(text, x));

    [Fact]
    public void Constants_are_pi_and_e()
    {
        Assert.Equal(Math.PI, Evaluate.Real("pi"));
        Assert.Equal(Math.E, Evaluate.Real("e"));
        Assert.Equal(2 * Math.PI * Math.E, Evaluate.Real("2*pi*e"));
    }

    [Fact]
    public void Whitespace_between_tokens_is_ignored() =>
        Assert.Equal(7.0, Evaluate.Real(" \t1 +\n2*  3 "));

    [Fact]
    public void Variables_take_their_values_in_the_callers_order()
    {
        var f = ExpressionCompiler.Compile("x - 2*y + 3*z", ["x", "y", "z"]);
        Assert.Equal(1 - 20 + 300, f.Real([1, 10, 100]));
        var reversed = ExpressionCompiler.Compile("x - y", ["y", "x"]);
        Assert.Equal(4.0, reversed.Real([1, 5]));
    }

    [Fact]
    public void Variable_names_may_have_digits_and_underscores()
    {
        var f = ExpressionCompiler.Compile("x_1 * _y2", ["x_1", "_y2"]);
        Assert.Equal(6.0, f.Real([2, 3]));
    }

    [Fact]
    public void Unused_variables_are_allowed() =>
        Assert.Equal(5.0, ExpressionCompiler.Compile("y + 1", ["x", "y"]).Real([100, 4]));

    [Fact]
    public void Compiled_expression_keeps_its_text_and_variables()
    {
        var f = ExpressionCompiler.Compile("  x*y ", ["x", "y"]);
        Assert.Equal("x*y", f.Text);
        Assert.Equal(["x", "y"], f.Variables);
    }

    /// <summary>The language's activations are the library's: an expression and
    /// <see cref="Activation"/> give the same bits, tails included.</summary>
    [Theory]
    [InlineData("sigmoid")]
    [InlineData("softplus")]
    [InlineData("gelu")]
    public void Activations_in_expressions_are_the_librarys(string name)
    {
        var activation = name switch { "sigmoid" => Activation.Sigmoid, "softplus" => Activation.Softplus, _ => Activation.Gelu };
        double[] xs = [-1000, -40, -5.5, -0.563, -1e-300, 0, 1e-12, 0.75, 3.25, 40, 1000];
        var expected = new double[xs.Length];
        activation.Apply(xs, expected, Backend.Managed);
        for (var i = 0; i < xs.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(Evaluate.Real($"{name}(x)", xs[i])));
    }
}

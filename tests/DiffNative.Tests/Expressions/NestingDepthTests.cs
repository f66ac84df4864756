using System.Numerics;
using DiffNative.Cli.Expressions;

namespace DiffNative.Tests.Expressions;

/// <summary>Deep text fails cleanly instead of overflowing the stack in the parser or in
/// Expression.Compile; text just inside the limit compiles.</summary>
public class NestingDepthTests
{
    private const string TooDeep = "expression nested too deeply (more than 256 levels)";

    [Fact]
    public void Hundred_thousand_nested_parentheses_are_refused()
    {
        var text = new string('(', 100_000) + "x" + new string(')', 100_000);
        var error = Assert.Throws<ExpressionException>(() => ExpressionCompiler.Compile(text, ["x"]));
        Assert.StartsWith(TooDeep, error.Message);
        Assert.Equal(256, error.Position); // the first parenthesis past the limit
    }

    [Fact]
    public void Hundred_thousand_term_sum_is_refused()
    {
        var text = string.Join("+", Enumerable.Repeat("1", 100_000));
        var error = Assert.Throws<ExpressionException>(() => ExpressionCompiler.Compile(text, []));
        Assert.StartsWith(TooDeep, error.Message);
        Assert.Equal(2 * 256 - 1, error.Position); // the 256th '+' makes the 257th level
    }

    [Theory]
    [InlineData("-", "", "x")]
    [InlineData("sin(", ")", "x")]
    [InlineData("2^", "", "x")]
    [InlineData("x*", "", "x")]
    public void Long_chains_of_any_operator_are_refused(string prefix, string suffix, string core)
    {
        var text = string.Concat(Enumerable.Repeat(prefix, 100_000)) + core + string.Concat(Enumerable.Repeat(suffix, 100_000));
        var error = Assert.Throws<ExpressionException>(() => ExpressionCompiler.Compile(text, ["x"]));
        Assert.StartsWith(TooDeep, error.Message);
    }

    [Fact]
    public void Deepest_accepted_tree_compiles_for_real_and_complex_values()
    {
        // 255 nested calls around x: 256 levels.
        var text = string.Concat(Enumerable.Repeat("sin(", 255)) + "x" + new string(')', 255);
        var f = ExpressionCompiler.Compile(text, ["x"]);
        var expected = 0.5;
        for (var i = 0; i < 255; i++)
            expected = Math.Sin(expected);
        Assert.Equal(expected, f.Real([0.5]));
        Assert.Equal(expected, f.CompileComplex()([new Complex(0.5, 0)]).Real, 1e-15);
    }

    [Fact]
    public void Longest_accepted_sum_compiles()
    {
        var text = string.Join("+", Enumerable.Repeat("x", 256));
        Assert.Equal(256.0, ExpressionCompiler.Compile(text, ["x"]).Real([1]));
        Assert.Throws<ExpressionException>(() => ExpressionCompiler.Compile(text + "+x", ["x"]));
    }

    [Fact]
    public void Deepest_accepted_parentheses_compile()
    {
        var text = new string('(', 255) + "x" + new string(')', 255);
        Assert.Equal(7.0, ExpressionCompiler.Compile(text, ["x"]).Real([7]));
        Assert.Throws<ExpressionException>(() => ExpressionCompiler.Compile("(" + text + ")", ["x"]));
    }
}

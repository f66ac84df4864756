using DiffNative.Cli.Expressions;

namespace DiffNative.Tests.Expressions;

/// <summary>Several expressions separated by ';', the rows of a Jacobian.</summary>
public class ExpressionListTests
{
    [Fact]
    public void Semicolons_separate_expressions_in_order()
    {
        var rows = ExpressionCompiler.CompileList("x*y; x+y", ["x", "y"]);
        Assert.Equal(["x*y", "x+y"], rows.Select(r => r.Text));
        Assert.Equal([6.0, 5.0], rows.Select(r => r.Real([2, 3])));
    }

    [Fact]
    public void A_single_expression_is_a_list_of_one() =>
        Assert.Equal(9.0, Assert.Single(ExpressionCompiler.CompileList("x^2", ["x"])).Real([3]));

    [Fact]
    public void Every_expression_shares_the_variable_list()
    {
        var rows = ExpressionCompiler.CompileList("y; x", ["x", "y"]);
        Assert.All(rows, r => Assert.Equal(["x", "y"], r.Variables));
        Assert.Equal([2.0, 1.0], rows.Select(r => r.Real([1, 2])));
    }

    [Theory]
    [InlineData("x; ", "empty expression at column 3", 2)]
    [InlineData("x;;y", "empty expression at column 3", 2)]
    [InlineData(";x", "empty expression at column 1", 0)]
    [InlineData("x*y; x+", "unexpected end of expression at column 8", 7)]
    [InlineData("x; sin(q)", "unknown variable 'q' at column 8 (variables: x, y)", 7)]
    public void Errors_point_into_the_whole_text(string text, string message, int position)
    {
        var error = Assert.Throws<ExpressionException>(() => ExpressionCompiler.CompileList(text, ["x", "y"]));
        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
    }
}

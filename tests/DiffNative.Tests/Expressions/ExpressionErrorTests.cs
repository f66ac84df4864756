using DiffNative.Cli.Expressions;

namespace DiffNative.Tests.Expressions;

/// <summary>Every kind of bad text: the message says what and where (1-based column), Position
/// says where (0-based).</summary>
public class ExpressionErrorTests
{
    [Theory]
    [InlineData("sinn(x)", "unknown function 'sinn' at column 1", 0)]
    [InlineData("Sin(x)", "unknown function 'Sin' at column 1", 0)]
    [InlineData("x + z", "unknown variable 'z' at column 5 (variables: x, y)", 4)]
    [InlineData("2*(x + y", "expected ')' at column 9", 8)]
    [InlineData("sin(x + 1", "expected ')' at column 10", 9)]
    [InlineData("x +", "unexpected end of expression at column 4", 3)]
    [InlineData("-", "unexpected end of expression at column 2", 1)]
    [InlineData("", "empty expression at column 1", 0)]
    [InlineData("   ", "empty expression at column 1", 0)]
    [InlineData("sin", "'sin' needs an argument in parentheses at column 1", 0)]
    [InlineData("2 * sin x", "'sin' needs an argument in parentheses at column 5", 4)]
    [InlineData("sin()", "'sin' needs an argument in parentheses at column 5", 4)]
    [InlineData("()", "empty parentheses at column 1", 0)]
    [InlineData("x $ y", "unexpected character '$' at column 3", 2)]
    [InlineData("x)", "unexpected ')' at column 2", 1)]
    [InlineData("x * * y", "unexpected '*' at column 5", 4)]
    [InlineData("2x", "expected an operator before 'x' at column 2", 1)]
    [InlineData("x y", "expected an operator before 'y' at column 3", 2)]
    [InlineData("2(x)", "expected an operator before '(' at column 2", 1)]
    [InlineData("(x y)", "expected an operator before 'y' at column 4", 3)]
    [InlineData("x(2)", "'x' is a variable, not a function, at column 1", 0)]
    [InlineData("pi(2)", "'pi' is a constant, not a function, at column 1", 0)]
    [InlineData("sin(x, y)", "unexpected ',' at column 6 (functions take one argument)", 5)]
    [InlineData("1e999", "number '1e999' is too large for a double at column 1", 0)]
    [InlineData("x; y", "';' separates expressions, but only one is expected here at column 2", 1)]
    public void Bad_text_is_reported_with_its_position(string text, string message, int position)
    {
        var error = Assert.Throws<ExpressionException>(() => ExpressionCompiler.Compile(text, ["x", "y"]));
        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Expression_errors_are_format_exceptions() =>
        Assert.IsAssignableFrom<FormatException>(Record.Exception(() => ExpressionCompiler.Compile("x +", ["x"])));

    [Fact]
    public void Unknown_variable_message_says_when_there_are_none() =>
        Assert.Equal("unknown variable 'x' at column 1 (variables: none)",
            Assert.Throws<ExpressionException>(() => ExpressionCompiler.Compile("x", [])).Message);

    [Theory]
    [InlineData("pi", "variable name 'pi' would shadow the constant pi; choose another name")]
    [InlineData("e", "variable name 'e' would shadow the constant e; choose another name")]
    [InlineData("sin", "variable name 'sin' would shadow the function sin; choose another name")]
    [InlineData("gelu", "variable name 'gelu' would shadow the function gelu; choose another name")]
    [InlineData("x", "variable name 'x' is given twice")]
    [InlineData("1x", "variable name '1x' is not an identifier (a letter or '_', then letters, digits or '_')")]
    [InlineData("", "variable name '' is not an identifier (a letter or '_', then letters, digits or '_')")]
    [InlineData("a-b", "variable name 'a-b' is not an identifier (a letter or '_', then letters, digits or '_')")]
    public void Bad_variable_lists_are_refused(string name, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ExpressionCompiler.Compile("1", ["x", name]));
        Assert.Equal(message, error.Message);
    }
}

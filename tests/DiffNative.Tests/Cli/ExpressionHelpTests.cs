using System.Globalization;
using DiffNative.Cli.Expressions;
using DiffNative.Tests.Docs;

namespace DiffNative.Tests.Cli;

/// <summary><c>diffnative help expressions</c> carries the expression syntax inside the tool: every
/// function and operator the parser accepts is listed, the examples say what the parser does, and
/// every verb that takes an expression points to it.</summary>
public class ExpressionHelpTests
{
    private static readonly Lazy<string> Help = new(() =>
    {
        var result = CliRunner.Run(null, "help", "expressions");
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    });

    private static string[] Lines => Help.Value.Split('\n');

    /// <summary>Names a math library might have, beyond the ones the language has; whichever the
    /// parser accepts must be in the help, whatever the catalog says.</summary>
    private static readonly string[] CandidateNames =
    [
        "sin", "cos", "tan", "cot", "sec", "csc", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh",
        "atanh", "exp", "exp2", "expm1", "log", "ln", "log2", "log10", "log1p", "sqrt", "cbrt", "abs", "sign", "floor", "ceil",
        "round", "trunc", "min", "max", "pow", "erf", "erfc", "gamma", "lgamma", "sigmoid", "softplus", "relu", "gelu", "elu",
        "selu", "swish", "silu", "mish", "heaviside", "Sin", "SIN",
    ];

    [Fact]
    public void Every_function_the_parser_accepts_is_listed()
    {
        var accepted = CandidateNames.Concat(FunctionCatalog.AllFunctions.Select(f => f.Name)).Distinct()
            .Where(name => Compiles($"{name}(x)")).ToArray();
        Assert.Contains("sin", accepted);
        Assert.DoesNotContain("Sin", accepted);
        foreach (var name in accepted)
            Assert.Contains(Lines, line => line.StartsWith(name + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_constant_the_parser_accepts_is_listed_with_its_value()
    {
        foreach (var (name, value) in new[] { ("pi", Math.PI), ("e", Math.E) })
        {
            Assert.True(Compiles(name));
            Assert.Contains($"{name} = {value.ToString("G15", CultureInfo.InvariantCulture)}", Help.Value);
        }
        Assert.False(Compiles("tau"));
    }

    /// <summary>Every character the tokenizer reads as an operator or bracket, and ';' between
    /// expressions, is in the operator table.</summary>
    [Fact]
    public void Every_operator_the_parser_accepts_is_listed()
    {
        var table = Lines.SkipWhile(l => !l.StartsWith("Operators", StringComparison.Ordinal)).TakeWhile(l => l.Trim().Length > 0).ToArray();
        var symbols = Enumerable.Range(33, 94).Select(c => (char)c)
            .Where(c => !char.IsLetterOrDigit(c) && c is not ('_' or '.'))
            .Where(c => Tokenizes(c.ToString()))
            .Append(';')
            .ToArray();
        Assert.Equal("()*+-/;^", string.Concat(symbols.Order()));
        foreach (var symbol in symbols)
            Assert.Contains(table.Skip(3), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w.Length <= 2)
                .Any(w => w.Contains(symbol)));
    }

    /// <summary>The precedence examples, with values worked out by hand from the rules the help states.</summary>
    [Theory]
    [InlineData("^", "2^3^2", "512")]       // 2^(3^2) = 2^9
    [InlineData("- +", "-2^2", "-4")]       // -(2^2)
    [InlineData("* /", "8/4/2", "1")]       // (8/4)/2
    [InlineData("+ -", "10-4-3", "3")]      // (10-4)-3
    [InlineData("( )", "(1+2)*3", "9")]
    public void Each_operator_row_gives_its_example_and_value(string symbols, string example, string value)
    {
        var row = Assert.Single(Lines, l => l.StartsWith(symbols + " ", StringComparison.Ordinal));
        var words = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(example, words[^2]);
        Assert.Equal(value, words[^1]);
    }

    [Fact]
    public void Its_example_commands_run()
    {
        var commands = Lines.Select(l => l.Trim()).Where(l => l.StartsWith("diffnative ", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var result = CliRunner.Run(null, [.. DocsCommandTests.Split(command).Skip(1)]);
            Assert.True(result.ExitCode == 0, $"'{command}' exited {result.ExitCode}: {result.Stderr}");
        }
    }

    [Theory]
    [InlineData("derive")]
    [InlineData("gradient")]
    [InlineData("hessian")]
    [InlineData("jacobian")]
    [InlineData("minimize")]
    [InlineData("plot")]
    public void Every_verb_that_takes_an_expression_points_to_it(string verb)
    {
        var result = CliRunner.Run(null, verb, "--help");
        Assert.Equal(0, result.ExitCode);
        // Help wraps its descriptions, so the pointer is looked for with the line breaks taken out.
        var text = string.Join(' ', result.Stdout.Split('\n').Select(l => l.Trim()));
        Assert.Contains("diffnative help expressions", text);
        Assert.DoesNotContain("docs/expressions.md", text);
    }

    [Fact]
    public void Help_of_a_verb_is_that_verbs_help()
    {
        var viaHelp = CliRunner.Run(null, "help", "derive");
        var viaOption = CliRunner.Run(null, "derive", "--help");
        Assert.Equal(0, viaHelp.ExitCode);
        Assert.Equal(viaOption.Stdout, viaHelp.Stdout);
    }

    [Fact]
    public void An_unknown_topic_names_the_nearest()
    {
        var result = CliRunner.Run(null, "help", "expresions");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("diffnative: help: 'expresions' is not a topic; did you mean 'diffnative help expressions'?",
            Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Help_works_whatever_the_isa_variable_says()
    {
        var result = CliRunner.Run(new Dictionary<string, string?> { ["DIFFNATIVE_ISA"] = "bogus" }, "help", "expressions");
        Assert.Equal(0, result.ExitCode);
    }

    private static bool Compiles(string text)
    {
        try
        {
            ExpressionCompiler.Compile(text, ["x"]);
            return true;
        }
        catch (ExpressionException)
        {
            return false;
        }
    }

    private static bool Tokenizes(string text)
    {
        try
        {
            Tokenizer.Tokenize(text, 0, text.Length);
            return true;
        }
        catch (ExpressionException)
        {
            return false;
        }
    }
}

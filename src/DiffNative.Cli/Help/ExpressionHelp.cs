using System.Globalization;
using DiffNative.Cli.Expressions;
using DiffNative.Cli.Output;

namespace DiffNative.Cli.Help;

/// <summary><c>diffnative help expressions</c>: the expression language, inside the tool, since an
/// installed tool has no docs folder. Functions and constants come from <see cref="FunctionCatalog"/>
/// and every example's value from compiling it, so the text cannot drift from the parser.</summary>
internal static class ExpressionHelp
{
    internal const string Topic = "expressions";

    /// <summary>The one-line pointer each verb that takes --expr gives in its help.</summary>
    internal const string Pointer = "syntax: diffnative help expressions";

    /// <summary>Operators, tightest first: symbols, what they do, an example.</summary>
    private static readonly (string Symbols, string Meaning, string Example)[] Operators =
    [
        ("^", "power, grouped from the right", "2^3^2"),
        ("- +", "sign, after ^: -x^2 is -(x^2)", "-2^2"),
        ("* /", "multiply, divide, from the left", "8/4/2"),
        ("+ -", "add, subtract, from the left", "10-4-3"),
        ("( )", "grouping; a function's argument", "(1+2)*3"),
    ];

    /// <summary>Commands that show the language at work (each is run by the tests).</summary>
    internal static readonly string[] Examples =
    [
        "diffnative derive --expr \"x^2 + sin(x)\" --at 2",
        "diffnative gradient --expr \"x*exp(-y^2)\" --vars x,y --at 1,0.5",
        "diffnative jacobian --expr \"x*y; x+y\" --vars x,y --at 1,2",
    ];

    internal static void Write(Screen screen)
    {
        screen.Heading("Expressions");
        screen.Text("derive, gradient, hessian, jacobian, minimize and plot take functions as text, " +
                    "such as \"x^2 + sin(y)\". Names are case-sensitive; spaces between tokens are ignored.");
        screen.BlankLine();

        screen.Heading("Operators, tightest first");
        var operators = new TextTable().AddColumn("operator").AddColumn("meaning").AddColumn("example").AddColumn("value", rightAligned: true);
        foreach (var (symbols, meaning, example) in Operators)
            operators.AddRow(symbols, meaning, example, Format(ExpressionCompiler.Compile(example, []).Real([])));
        operators.AddRow(";", "separates expressions: the rows of a jacobian", "x*y; x+y", "");
        screen.Write(operators);
        screen.BlankLine();

        screen.Heading("Numbers, variables, constants");
        screen.Text("Numbers: 2, 2.5, .5, 1e-6, 1E+3, with a decimal point whatever the locale; " +
                    "-2 is the sign applied to 2.");
        screen.Text("Variables: the names --vars gives (--var for derive and plot, default x): " +
                    "a letter or _, then letters, digits or _.");
        screen.Text("Constants: " + string.Join(", ", FunctionCatalog.AllConstants.Select(c => $"{c.Key} = {Format(c.Value)}")) + ".");
        screen.BlankLine();

        screen.Heading("Functions, of one argument in parentheses: sin(x)");
        var functions = new TextTable().AddColumn("function").AddColumn("meaning").AddColumn("--method complex");
        foreach (var f in FunctionCatalog.AllFunctions)
            functions.AddRow(f.Name, f.Meaning, f.ComplexStep);
        screen.Write(functions);
        screen.BlankLine();

        screen.Text("Arithmetic is IEEE double: outside a function's domain the value is NaN (log(-1), " +
                    "sqrt(-1)) and NaN propagates; ^ is pow for every exponent.");
        screen.BlankLine();
        screen.Heading("Examples");
        screen.Verbatim(Examples.Select(e => "  " + e));
    }

    private static string Format(double value) => value.ToString("G15", CultureInfo.InvariantCulture);
}

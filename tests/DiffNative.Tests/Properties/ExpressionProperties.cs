using System.Numerics;
using CsCheck;
using DiffNative.Cli.Expressions;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Properties;

/// <summary>Properties of the CLI's expression language (docs/expressions.md): any text compiles
/// or is refused with an <see cref="ExpressionException"/>, and what compiles evaluates without
/// throwing; random well-formed expressions, printed with the fewest parentheses the grammar
/// allows (or a few more) and random spacing, evaluate to the same bits as a direct evaluation of
/// the tree they were printed from.</summary>
public class ExpressionProperties
{
    private static readonly string[] Variables = ["x", "y"];

    /// <summary>Pieces that random text is made of: every token kind, names the language knows
    /// and does not, characters it refuses, and literals at and past the range of double.</summary>
    private static readonly string[] Pieces =
    [
        "0", "1", "2", "9", ".", ".5", "2.", "e", "E", "e-", "1e400", "1e-400", "1e+3", "+", "-", "*", "/", "^", "(", ")", " ", "\t", "\n",
        ",", ";", "x", "y", "z", "_", "x1", "pi", "sin", "log10", "sqrt", "abs", "erf", "gelu", "Sin", "é", "%", "$", "\"", "∞", "NaN", "=",
    ];

    private static readonly Gen<string> Texts = Gen.Frequency(
        (12, Gen.OneOf(Pieces).Array[0, 40].Select(string.Concat)),
        (2, Gen.Char.Array[0, 30].Select(c => new string(c))),
        (1, Gen.Select(Gen.OneOf("(", "-", "+", "sin(", "2^", "1+", "x*", "((1)+"), Gen.Int[200, 3_000],
            (piece, count) => string.Concat(Enumerable.Repeat(piece, count)) + "1" + new string(')', piece.Contains('(') ? count : 0))));

    [Fact]
    public void AnyTextCompilesOrIsRefusedWithAnExpressionError() => Property.Check(nameof(AnyTextCompilesOrIsRefusedWithAnExpressionError), Texts, text =>
    {
        foreach (var compile in new Func<IReadOnlyList<CompiledExpression>>[]
                 {
                     () => [ExpressionCompiler.Compile(text, Variables)],
                     () => ExpressionCompiler.CompileList(text, Variables),
                 })
        {
            IReadOnlyList<CompiledExpression> compiled;
            try
            {
                compiled = compile();
            }
            catch (ExpressionException e)
            {
                Assert.InRange(e.Position, 0, text.Length);
                continue;
            }
            foreach (var expression in compiled)
            {
                _ = expression.Real([0.5, -2.0]);
                _ = expression.UsedVariables;
                _ = expression.TermVariables;
                try
                {
                    _ = expression.CompileComplex()([new Complex(0.5, 1e-20), new Complex(-2.0, 0)]);
                }
                catch (ExpressionException)
                {
                    // abs, relu, erf and gelu have no complex form; the message says so.
                }
            }
        }
    }, cases: 4_000);

    [Fact]
    public void VariableListsAreAcceptedOrRefusedWithAnArgumentError() => Property.Check(nameof(VariableListsAreAcceptedOrRefusedWithAnArgumentError),
        Gen.OneOf("x", "y", "_a", "x1", "1x", "", " ", "pi", "e", "sin", "Sin", "é", "a-b", "X").Array[0, 4],
        names =>
        {
            try
            {
                ExpressionCompiler.Compile("1", names);
            }
            catch (ArgumentException)
            {
            }
        }, cases: 1_000);

    // ---- well-formed expressions ---------------------------------------------------------------

    /// <summary>A syntax tree to print and to evaluate directly. Pad is the whitespace put around
    /// the node's tokens; Wrap adds parentheses the grammar does not need.</summary>
    internal abstract record Node(int Pad, bool Wrap);

    internal sealed record Number(double Value, int Pad, bool Wrap) : Node(Pad, Wrap);

    internal sealed record Name(string Text, int Pad, bool Wrap) : Node(Pad, Wrap);

    internal sealed record Negation(Node Operand, int Pad, bool Wrap) : Node(Pad, Wrap);

    internal sealed record Binary(char Operator, Node Left, Node Right, int Pad, bool Wrap) : Node(Pad, Wrap);

    internal sealed record Call(string Function, Node Argument, int Pad, bool Wrap) : Node(Pad, Wrap);

    private static readonly string[] Functions =
        ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log", "log10", "sqrt", "cbrt", "abs", "erf", "sigmoid", "softplus", "relu", "gelu"];

    private static readonly Gen<int> Pad = Gen.Frequency((6, Gen.Const(0)), (2, Gen.Const(1)), (1, Gen.Const(2)));

    private static readonly Gen<bool> Wrap = Gen.Frequency((8, Gen.Const(false)), (1, Gen.Const(true)));

    private static readonly Gen<Node> Leaf = Gen.Frequency(
        (4, Gen.Select(Gen.Frequency((4, Gen.Int[0, 12].Select(i => (double)i)), (3, Gen.Double[0, 10]), (1, Inputs.LogUniform(-1000, 1000, signed: false))),
            Pad, Wrap, (v, p, w) => (Node)new Number(v, p, w))),
        (4, Gen.Select(Gen.OneOf("x", "y", "pi", "e"), Pad, Wrap, (n, p, w) => (Node)new Name(n, p, w))));

    /// <summary>Trees of depth up to 6, built bottom-up so that each level's generator is made once.</summary>
    private static readonly Gen<Node> Trees = TreesOfDepth(6);

    private static Gen<Node> TreesOfDepth(int depth)
    {
        var gen = Leaf;
        for (var d = 1; d <= depth; d++)
        {
            var below = gen;
            gen = Gen.Frequency(
                (2, Leaf),
                (4, Gen.Select(Gen.OneOf('+', '-', '*', '/', '^'), below, below, Pad, Wrap, (op, l, r, p, w) => (Node)new Binary(op, l, r, p, w))),
                (1, Gen.Select(below, Pad, Wrap, (o, p, w) => (Node)new Negation(o, p, w))),
                (2, Gen.Select(Gen.OneOf(Functions), below, Pad, Wrap, (f, a, p, w) => (Node)new Call(f, a, p, w))));
        }
        return gen;
    }

    /// <summary>How tightly a node binds, as the grammar's rules: sum 1, product 2, signed 3,
    /// power 4, primary 5.</summary>
    private static int Level(Node node) => node.Wrap ? 5 : node switch
    {
        Binary { Operator: '+' or '-' } => 1,
        Binary { Operator: '*' or '/' } => 2,
        Negation => 3,
        Binary => 4,
        _ => 5,
    };

    internal static string Print(Node node)
    {
        var pad = node.Pad switch { 0 => "", 1 => " ", _ => " \t" };
        var text = node switch
        {
            Number n => n.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            Name n => n.Text,
            Negation n => "-" + pad + Operand(n.Operand, 3),
            // Left-associative: the right operand of + - * / must bind tighter than the operator.
            Binary { Operator: '+' or '-' } b => Operand(b.Left, 1) + pad + b.Operator + pad + Operand(b.Right, 2),
            Binary { Operator: '*' or '/' } b => Operand(b.Left, 2) + pad + b.Operator + pad + Operand(b.Right, 3),
            Binary b => Operand(b.Left, 5) + pad + "^" + pad + Operand(b.Right, 3),
            Call c => c.Function + "(" + pad + Print(c.Argument) + pad + ")",
            _ => throw new InvalidOperationException(),
        };
        return node.Wrap ? "(" + pad + text + pad + ")" : text;
    }

    private static string Operand(Node node, int level) => Level(node) >= level ? Print(node) : "(" + Print(node) + ")";

    /// <summary>The tree's value by the operations docs/expressions.md states: IEEE double
    /// arithmetic, Math.Pow for ^, System.Math for the elementary functions, the library's erf and
    /// activations (managed) for the rest.</summary>
    internal static double Evaluate(Node node, double x, double y) => node switch
    {
        Number n => n.Value,
        Name { Text: "x" } => x,
        Name { Text: "y" } => y,
        Name { Text: "pi" } => Math.PI,
        Name { Text: "e" } => Math.E,
        Negation n => -Evaluate(n.Operand, x, y),
        Binary b => b.Operator switch
        {
            '+' => Evaluate(b.Left, x, y) + Evaluate(b.Right, x, y),
            '-' => Evaluate(b.Left, x, y) - Evaluate(b.Right, x, y),
            '*' => Evaluate(b.Left, x, y) * Evaluate(b.Right, x, y),
            '/' => Evaluate(b.Left, x, y) / Evaluate(b.Right, x, y),
            _ => Math.Pow(Evaluate(b.Left, x, y), Evaluate(b.Right, x, y)),
        },
        Call c => Apply(c.Function, Evaluate(c.Argument, x, y)),
        _ => throw new InvalidOperationException(),
    };

    private static double Apply(string function, double v) => function switch
    {
        "sin" => Math.Sin(v),
        "cos" => Math.Cos(v),
        "tan" => Math.Tan(v),
        "asin" => Math.Asin(v),
        "acos" => Math.Acos(v),
        "atan" => Math.Atan(v),
        "sinh" => Math.Sinh(v),
        "cosh" => Math.Cosh(v),
        "tanh" => Math.Tanh(v),
        "exp" => Math.Exp(v),
        "log" => Math.Log(v),
        "log10" => Math.Log10(v),
        "sqrt" => Math.Sqrt(v),
        "cbrt" => Math.Cbrt(v),
        "abs" => Math.Abs(v),
        "erf" => SpecialFunctions.Erf(v),
        "relu" => Math.Max(0.0, v),
        "sigmoid" => Activate(Activation.Sigmoid, v),
        "softplus" => Activate(Activation.Softplus, v),
        "gelu" => Activate(Activation.Gelu, v),
        _ => throw new InvalidOperationException(function),
    };

    private static double Activate(Activation activation, double v)
    {
        var output = new double[1];
        activation.Apply([v], output, Backend.Managed);
        return output[0];
    }

    private static int Depth(Node node) => node switch
    {
        Negation n => 1 + Depth(n.Operand),
        Binary b => 1 + Math.Max(Depth(b.Left), Depth(b.Right)),
        Call c => 1 + Depth(c.Argument),
        _ => 1,
    };

    [Fact]
    public void WellFormedExpressionsEvaluateAsWritten() => Property.Check(nameof(WellFormedExpressionsEvaluateAsWritten),
        Gen.Select(Trees, Gen.Double[-3, 3], Gen.Double[-3, 3]),
        c =>
        {
            var (tree, x, y) = c;
            var text = Print(tree);
            var compiled = ExpressionCompiler.Compile(text, Variables);
            Bits.AssertSame([Evaluate(tree, x, y)], [compiled.Real([x, y])], $"'{text}' at x = {x:R}, y = {y:R} (depth {Depth(tree)})");
        }, cases: 4_000);
}

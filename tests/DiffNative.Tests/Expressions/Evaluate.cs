using System.Numerics;
using DiffNative.Cli.Expressions;

namespace DiffNative.Tests.Expressions;

/// <summary>Shorthands: compile with the variables x (and y, z) and evaluate once.</summary>
internal static class Evaluate
{
    internal static readonly string[] Xyz = ["x", "y", "z"];

    /// <summary>The real value of an expression in x, y, z at the given values (missing ones 0).</summary>
    internal static double Real(string text, double x = 0, double y = 0, double z = 0) =>
        ExpressionCompiler.Compile(text, Xyz).Real([x, y, z]);

    /// <summary>The complex-step derivative Im f(x + ih)/h of an expression in x, with h = 1e-200.</summary>
    internal static double ComplexStep(string text, double x)
    {
        const double h = 1e-200;
        var f = ExpressionCompiler.Compile(text, ["x"]).CompileComplex();
        return f([new Complex(x, h)]).Imaginary / h;
    }
}

using System.Linq.Expressions;
using System.Numerics;

namespace DiffNative.Cli.Expressions;

/// <summary>Turns a syntax tree into a LINQ expression tree over <see cref="Complex"/>, for the
/// complex-step method, refusing functions that have no analytic complex form.</summary>
internal static class ComplexTreeBuilder
{
    private static readonly Func<Complex, Complex, Complex> Pow = Complex.Pow;
    private static readonly Func<Complex, int, Complex> IntegerPower = ComplexFunctions.IntegerPower;

    /// <summary>Integer exponents up to this size are done by repeated squaring (at most 2·30
    /// products); larger ones go to Complex.Pow.</summary>
    private const double LargestIntegerExponent = 1 << 30;

    /// <exception cref="ExpressionException">The tree calls a function that is not analytic or has
    /// no complex implementation; the first such call in the text is named.</exception>
    internal static Expression<Func<Complex[], Complex>> Build(SyntaxNode root)
    {
        var values = Expression.Parameter(typeof(Complex[]), "values");
        return Expression.Lambda<Func<Complex[], Complex>>(Visit(root, values), values);
    }

    private static Expression Visit(SyntaxNode node, ParameterExpression values) => node switch
    {
        NumberNode number => Expression.Constant(new Complex(number.Value, 0.0)),
        ConstantNode constant => Expression.Constant(new Complex(constant.Value, 0.0)),
        VariableNode variable => Expression.ArrayIndex(values, Expression.Constant(variable.Index)),
        NegationNode negation => Expression.Negate(Visit(negation.Operand, values)),
        CallNode call => Call(call, values),
        BinaryNode binary => Combine(binary, values),
        _ => throw new InvalidOperationException($"no complex form for {node.GetType().Name}"),
    };

    private static Expression Call(CallNode call, ParameterExpression values)
    {
        var function = call.Function;
        if (function.Complex is null)
            throw new ExpressionException(function.Name, call.Position,
                $"{function.WhyNotComplex}, so the complex-step method cannot be used; choose another method");
        return Expression.Call(function.Complex, Visit(call.Argument, values));
    }

    private static Expression Combine(BinaryNode binary, ParameterExpression values)
    {
        var left = Visit(binary.Left, values);
        if (binary.Operator == BinaryOperator.Power && IntegerLiteral(binary.Right) is { } exponent)
            return Expression.Call(IntegerPower.Method, left, Expression.Constant(exponent));
        var right = Visit(binary.Right, values);
        return binary.Operator switch
        {
            BinaryOperator.Add => Expression.Add(left, right),
            BinaryOperator.Subtract => Expression.Subtract(left, right),
            BinaryOperator.Multiply => Expression.Multiply(left, right),
            BinaryOperator.Divide => Expression.Divide(left, right),
            BinaryOperator.Power => Expression.Call(Pow.Method, left, right),
            _ => throw new InvalidOperationException($"no complex form for {binary.Operator}"),
        };
    }

    /// <summary>The exponent when it is written as an integer (2, -3, 2.0), else null.</summary>
    private static int? IntegerLiteral(SyntaxNode exponent) => exponent switch
    {
        NumberNode number when IsSmallInteger(number.Value) => (int)number.Value,
        NegationNode { Operand: NumberNode number } when IsSmallInteger(number.Value) => -(int)number.Value,
        _ => null,
    };

    private static bool IsSmallInteger(double value) =>
        Math.Abs(value) <= LargestIntegerExponent && value == Math.Floor(value);
}

using System.Linq.Expressions;

namespace DiffNative.Cli.Expressions;

/// <summary>Turns a syntax tree into a LINQ expression tree over doubles, to be compiled to IL.</summary>
internal static class RealTreeBuilder
{
    private static readonly Func<double, double, double> Pow = Math.Pow;

    internal static Expression<Func<double[], double>> Build(SyntaxNode root)
    {
        var values = Expression.Parameter(typeof(double[]), "values");
        return Expression.Lambda<Func<double[], double>>(Visit(root, values), values);
    }

    private static Expression Visit(SyntaxNode node, ParameterExpression values) => node switch
    {
        NumberNode number => Expression.Constant(number.Value),
        ConstantNode constant => Expression.Constant(constant.Value),
        VariableNode variable => Expression.ArrayIndex(values, Expression.Constant(variable.Index)),
        NegationNode negation => Expression.Negate(Visit(negation.Operand, values)),
        CallNode call => Expression.Call(call.Function.Real, Visit(call.Argument, values)),
        BinaryNode binary => Combine(binary.Operator, Visit(binary.Left, values), Visit(binary.Right, values)),
        _ => throw new InvalidOperationException($"no real form for {node.GetType().Name}"),
    };

    // Math.Pow even for integer exponents: x^3 then means exactly what pow(x, 3) means, one
    // rounding, rather than the two of x*x*x.
    private static Expression Combine(BinaryOperator op, Expression left, Expression right) => op switch
    {
        BinaryOperator.Add => Expression.Add(left, right),
        BinaryOperator.Subtract => Expression.Subtract(left, right),
        BinaryOperator.Multiply => Expression.Multiply(left, right),
        BinaryOperator.Divide => Expression.Divide(left, right),
        BinaryOperator.Power => Expression.Call(Pow.Method, left, right),
        _ => throw new InvalidOperationException($"no real form for {op}"),
    };
}

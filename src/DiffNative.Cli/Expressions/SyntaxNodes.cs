namespace DiffNative.Cli.Expressions;

/// <summary>A node of a parsed expression. Depth counts the nodes on the longest path down from
/// here (1 for a leaf); the parser keeps it bounded so that neither the tree builders nor
/// Expression.Compile can run out of stack.</summary>
internal abstract class SyntaxNode(int position)
{
    /// <summary>Where the node's text starts (an operator's own position for operations).</summary>
    internal int Position { get; } = position;

    internal abstract int Depth { get; }
}

internal sealed class NumberNode(double value, int position) : SyntaxNode(position)
{
    internal double Value { get; } = value;

    internal override int Depth => 1;
}

/// <summary>pi or e.</summary>
internal sealed class ConstantNode(string name, double value, int position) : SyntaxNode(position)
{
    internal string Name { get; } = name;

    internal double Value { get; } = value;

    internal override int Depth => 1;
}

/// <summary>A variable, by its index in the caller's variable list.</summary>
internal sealed class VariableNode(string name, int index, int position) : SyntaxNode(position)
{
    internal string Name { get; } = name;

    internal int Index { get; } = index;

    internal override int Depth => 1;
}

internal sealed class NegationNode(SyntaxNode operand, int position) : SyntaxNode(position)
{
    internal SyntaxNode Operand { get; } = operand;

    internal override int Depth { get; } = operand.Depth + 1;
}

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
}

internal sealed class BinaryNode(BinaryOperator op, SyntaxNode left, SyntaxNode right, int position) : SyntaxNode(position)
{
    internal BinaryOperator Operator { get; } = op;

    internal SyntaxNode Left { get; } = left;

    internal SyntaxNode Right { get; } = right;

    internal override int Depth { get; } = Math.Max(left.Depth, right.Depth) + 1;
}

internal sealed class CallNode(MathFunction function, SyntaxNode argument, int position) : SyntaxNode(position)
{
    internal MathFunction Function { get; } = function;

    internal SyntaxNode Argument { get; } = argument;

    internal override int Depth { get; } = argument.Depth + 1;
}

namespace DiffNative.Cli.Expressions;

/// <summary>Which variables an expression reads, for sparsity patterns: a Jacobian row is nonzero
/// only in the variables its expression uses, and a Hessian entry only for variables that meet in
/// one additive term (a sum of terms never couples variables of different terms).</summary>
internal static class VariableUsage
{
    /// <summary>The indices of the variables the tree reads, increasing.</summary>
    internal static int[] Used(SyntaxNode root)
    {
        var used = new SortedSet<int>();
        Collect(root, used);
        return [.. used];
    }

    /// <summary>The variables of each additive term at the top of the tree (through +, − and
    /// negation); every other operation couples everything beneath it.</summary>
    internal static int[][] PerTerm(SyntaxNode root)
    {
        var terms = new List<int[]>();
        Split(root, terms);
        return [.. terms];
    }

    private static void Split(SyntaxNode node, List<int[]> terms)
    {
        switch (node)
        {
            case BinaryNode { Operator: BinaryOperator.Add or BinaryOperator.Subtract } b:
                Split(b.Left, terms);
                Split(b.Right, terms);
                break;
            case NegationNode n:
                Split(n.Operand, terms);
                break;
            default:
                terms.Add(Used(node));
                break;
        }
    }

    // Recursion is safe: the parser bounds the tree's depth.
    private static void Collect(SyntaxNode node, SortedSet<int> used)
    {
        switch (node)
        {
            case VariableNode v: used.Add(v.Index); break;
            case NegationNode n: Collect(n.Operand, used); break;
            case BinaryNode b: Collect(b.Left, used); Collect(b.Right, used); break;
            case CallNode c: Collect(c.Argument, used); break;
        }
    }
}

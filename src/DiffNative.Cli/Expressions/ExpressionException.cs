namespace DiffNative.Cli.Expressions;

/// <summary>The text of an expression is not valid, or cannot be compiled the way it was asked
/// for. The message names the problem and its column, so the CLI can print it as it is.</summary>
internal sealed class ExpressionException : FormatException
{
    /// <param name="problem">What is wrong, e.g. "unknown function 'sinn'".</param>
    /// <param name="position">0-based index of the offending character in the original text.</param>
    /// <param name="detail">Text to put after the column, e.g. " (variables: x, y)".</param>
    internal ExpressionException(string problem, int position, string detail = "")
        : base($"{problem} at column {position + 1}{detail}")
    {
        Position = position;
    }

    /// <summary>0-based index into the original text of the character the problem is at (the
    /// text's length when it is the end of the text).</summary>
    internal int Position { get; }
}

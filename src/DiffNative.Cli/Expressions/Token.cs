namespace DiffNative.Cli.Expressions;

internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LeftParenthesis,
    RightParenthesis,
    End,
}

/// <summary>One token: its kind, its text and where it starts in the original text.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Value = 0.0)
{
    /// <summary>How a message quotes the token: its text, or "end of expression".</summary>
    internal string Describe() => Kind == TokenKind.End ? "end of expression" : $"'{Text}'";
}

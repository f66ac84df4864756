using System.Globalization;

namespace DiffNative.Cli.Expressions;

/// <summary>Splits one expression (a range of the original text, so that positions stay those of
/// the whole text) into tokens.</summary>
internal static class Tokenizer
{
    internal static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        var i = start;
        while (true)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
                i++;
            if (i == end)
            {
                tokens.Add(new Token(TokenKind.End, "", end));
                return tokens;
            }
            var c = text[i];
            if (IsDigit(c) || (c == '.' && i + 1 < end && IsDigit(text[i + 1])))
                tokens.Add(ReadNumber(text, ref i, end));
            else if (IsIdentifierStart(c))
                tokens.Add(ReadIdentifier(text, ref i, end));
            else
                tokens.Add(new Token(SymbolKind(c, i), c.ToString(), i++));
        }
    }

    internal static bool IsIdentifierStart(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    internal static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static TokenKind SymbolKind(char c, int position) => c switch
    {
        '+' => TokenKind.Plus,
        '-' => TokenKind.Minus,
        '*' => TokenKind.Star,
        '/' => TokenKind.Slash,
        '^' => TokenKind.Caret,
        '(' => TokenKind.LeftParenthesis,
        ')' => TokenKind.RightParenthesis,
        ';' => throw new ExpressionException("';' separates expressions, but only one is expected here", position),
        ',' => throw new ExpressionException("unexpected ','", position, " (functions take one argument)"),
        _ => throw new ExpressionException($"unexpected character '{c}'", position),
    };

    /// <summary>digits [. digits] | . digits, then an optional exponent e[+-]digits. An 'e' not
    /// followed by digits is left alone, so that "2e" reads as 2 then the constant e.</summary>
    private static Token ReadNumber(string text, ref int i, int end)
    {
        var start = i;
        while (i < end && IsDigit(text[i]))
            i++;
        if (i < end && text[i] == '.')
        {
            i++;
            while (i < end && IsDigit(text[i]))
                i++;
        }
        if (i < end && text[i] is 'e' or 'E')
        {
            var digits = i + 1 < end && text[i + 1] is '+' or '-' ? i + 2 : i + 1;
            if (digits < end && IsDigit(text[digits]))
            {
                i = digits;
                while (i < end && IsDigit(text[i]))
                    i++;
            }
        }
        var literal = text[start..i];
        var value = double.Parse(literal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
            throw new ExpressionException($"number '{literal}' is too large for a double", start);
        return new Token(TokenKind.Number, literal, start, value);
    }

    private static Token ReadIdentifier(string text, ref int i, int end)
    {
        var start = i;
        while (i < end && IsIdentifierPart(text[i]))
            i++;
        return new Token(TokenKind.Identifier, text[start..i], start);
    }
}

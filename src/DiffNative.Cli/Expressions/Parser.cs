namespace DiffNative.Cli.Expressions;

/// <summary>Recursive descent over one expression:
/// <code>
/// sum     := product (('+' | '-') product)*
/// product := signed (('*' | '/') signed)*
/// signed  := ('-' | '+') signed | power
/// power   := primary ('^' signed)?          right-associative; 2^-1 is allowed
/// primary := number | constant | variable | function '(' sum ')' | '(' sum ')'
/// </code>
/// so -x^2 = -(x^2) and 2^3^2 = 2^9.</summary>
internal sealed class Parser
{
    /// <summary>The deepest tree, and the deepest nesting of parentheses, signs and powers, that
    /// is accepted: far beyond hand-written formulas, far below what the parser's recursion and
    /// Expression.Compile need of the stack.</summary>
    internal const int MaxDepth = 256;

    private readonly List<Token> _tokens;
    private readonly IReadOnlyList<string> _variables;
    private int _next;
    private int _nesting;

    private Parser(List<Token> tokens, IReadOnlyList<string> variables)
    {
        _tokens = tokens;
        _variables = variables;
    }

    /// <summary>Parses text[start..end) as one expression; positions in errors are into the whole text.</summary>
    internal static SyntaxNode Parse(string text, int start, int end, IReadOnlyList<string> variables)
    {
        var tokens = Tokenizer.Tokenize(text, start, end);
        if (tokens[0].Kind == TokenKind.End)
            throw new ExpressionException("empty expression", start);
        var parser = new Parser(tokens, variables);
        var root = parser.ParseSum();
        if (parser.Peek.Kind != TokenKind.End)
            throw parser.Misplaced(parser.Peek);
        return root;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private SyntaxNode ParseSum()
    {
        var left = ParseProduct();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Take();
            var right = ParseProduct();
            left = Limit(new BinaryNode(op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract, left, right, op.Position));
        }
        return left;
    }

    private SyntaxNode ParseProduct()
    {
        var left = ParseSigned();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Take();
            var right = ParseSigned();
            left = Limit(new BinaryNode(op.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide, left, right, op.Position));
        }
        return left;
    }

    /// <summary>Every recursion (parentheses, function arguments, signs, exponents) passes through
    /// here, so this is where the nesting is counted.</summary>
    private SyntaxNode ParseSigned()
    {
        if (++_nesting > MaxDepth)
            throw TooDeep(Peek.Position);
        try
        {
            if (Peek.Kind == TokenKind.Minus)
            {
                var sign = Take();
                return Limit(new NegationNode(ParseSigned(), sign.Position));
            }
            if (Peek.Kind == TokenKind.Plus)
            {
                Take();
                return ParseSigned();
            }
            return ParsePower();
        }
        finally
        {
            _nesting--;
        }
    }

    private SyntaxNode ParsePower()
    {
        var power = ParsePrimary();
        if (Peek.Kind != TokenKind.Caret)
            return power;
        var caret = Take();
        return Limit(new BinaryNode(BinaryOperator.Power, power, ParseSigned(), caret.Position));
    }

    private SyntaxNode ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new NumberNode(token.Value, token.Position);
            case TokenKind.Identifier:
                return ParseName(token);
            case TokenKind.LeftParenthesis:
                if (Peek.Kind == TokenKind.RightParenthesis)
                    throw new ExpressionException("empty parentheses", token.Position);
                var inner = ParseSum();
                Expect(TokenKind.RightParenthesis, "')'");
                return inner;
            case TokenKind.End:
                throw new ExpressionException("unexpected end of expression", token.Position);
            default:
                throw new ExpressionException($"unexpected {token.Describe()}", token.Position);
        }
    }

    private SyntaxNode ParseName(Token name)
    {
        var isCall = Peek.Kind == TokenKind.LeftParenthesis;
        var variable = IndexOfVariable(name.Text);
        if (FunctionCatalog.TryGetFunction(name.Text, out var function))
        {
            if (!isCall)
                throw new ExpressionException($"'{name.Text}' needs an argument in parentheses", name.Position);
            var open = Take();
            if (Peek.Kind == TokenKind.RightParenthesis)
                throw new ExpressionException($"'{name.Text}' needs an argument in parentheses", open.Position + 1);
            var argument = ParseSum();
            Expect(TokenKind.RightParenthesis, "')'");
            return Limit(new CallNode(function, argument, name.Position));
        }
        if (isCall)
        {
            var what = variable >= 0 ? "a variable" : FunctionCatalog.IsConstant(name.Text) ? "a constant" : null;
            throw what is null
                ? new ExpressionException($"unknown function '{name.Text}'", name.Position)
                : new ExpressionException($"'{name.Text}' is {what}, not a function,", name.Position);
        }
        if (variable >= 0)
            return new VariableNode(name.Text, variable, name.Position);
        if (FunctionCatalog.TryGetConstant(name.Text, out var value))
            return new ConstantNode(name.Text, value, name.Position);
        var known = _variables.Count == 0 ? "none" : string.Join(", ", _variables);
        throw new ExpressionException($"unknown variable '{name.Text}'", name.Position, $" (variables: {known})");
    }

    private int IndexOfVariable(string name)
    {
        for (var i = 0; i < _variables.Count; i++)
            if (string.Equals(_variables[i], name, StringComparison.Ordinal))
                return i;
        return -1;
    }

    private void Expect(TokenKind kind, string quoted)
    {
        if (Peek.Kind == kind)
            Take();
        else if (StartsOperand(Peek))
            throw Misplaced(Peek);
        else
            throw new ExpressionException($"expected {quoted}", Peek.Position);
    }

    /// <summary>The error for a token that cannot come next after a complete operand.</summary>
    private ExpressionException Misplaced(Token token) => StartsOperand(token)
        ? new ExpressionException($"expected an operator before {token.Describe()}", token.Position)
        : new ExpressionException($"unexpected {token.Describe()}", token.Position);

    private static bool StartsOperand(Token token) =>
        token.Kind is TokenKind.Number or TokenKind.Identifier or TokenKind.LeftParenthesis;

    /// <summary>Left-associative chains (1+1+1+…) grow the tree without recursing, so depth is also
    /// checked on every node built.</summary>
    private static SyntaxNode Limit(SyntaxNode node) =>
        node.Depth > MaxDepth ? throw TooDeep(node.Position) : node;

    private static ExpressionException TooDeep(int position) =>
        new($"expression nested too deeply (more than {MaxDepth} levels)", position);
}

namespace DiffNative.Cli.Expressions;

/// <summary>Entry point of the expression language (docs/expressions.md): text and variable names
/// in, compiled delegates out.</summary>
internal static class ExpressionCompiler
{
    /// <summary>Compiles one expression.</summary>
    /// <param name="text">The expression, e.g. "x^2 + sin(y)".</param>
    /// <param name="variables">The variable names, in the order the delegates take their values.</param>
    /// <exception cref="ExpressionException">The text is not a valid expression; the message and
    /// <see cref="ExpressionException.Position"/> say where.</exception>
    /// <exception cref="ArgumentException">A variable name is not an identifier, repeats, or is a
    /// constant's or function's name.</exception>
    internal static CompiledExpression Compile(string text, IReadOnlyList<string> variables)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CompileRange(text, 0, text.Length, VariableNames.Validate(variables));
    }

    /// <summary>Compiles expressions separated by ';' (the rows of a Jacobian), in order. Every
    /// one must be non-empty, so a trailing ';' is an error.</summary>
    /// <inheritdoc cref="Compile" path="/exception"/>
    internal static IReadOnlyList<CompiledExpression> CompileList(string text, IReadOnlyList<string> variables)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = VariableNames.Validate(variables);
        var compiled = new List<CompiledExpression>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ';')
                continue;
            compiled.Add(CompileRange(text, start, i, names));
            start = i + 1;
        }
        return compiled;
    }

    private static CompiledExpression CompileRange(string text, int start, int end, IReadOnlyList<string> variables)
    {
        var root = Parser.Parse(text, start, end, variables);
        return new CompiledExpression(text[start..end].Trim(), variables, root);
    }
}

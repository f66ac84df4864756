namespace DiffNative.Cli.Expressions;

/// <summary>Checks the caller's variable list: identifiers, each once, none of them a constant or a
/// function name (an expression could not tell which was meant).</summary>
internal static class VariableNames
{
    /// <returns>A copy of the list, safe from later changes by the caller.</returns>
    /// <exception cref="ArgumentException">A name is not an identifier, repeats, or is reserved.</exception>
    internal static IReadOnlyList<string> Validate(IReadOnlyList<string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in variables)
        {
            if (!IsIdentifier(name))
                throw new ArgumentException(
                    $"variable name '{name}' is not an identifier (a letter or '_', then letters, digits or '_')");
            if (FunctionCatalog.IsConstant(name))
                throw new ArgumentException($"variable name '{name}' would shadow the constant {name}; choose another name");
            if (FunctionCatalog.IsFunction(name))
                throw new ArgumentException($"variable name '{name}' would shadow the function {name}; choose another name");
            if (!seen.Add(name))
                throw new ArgumentException($"variable name '{name}' is given twice");
        }
        return variables.ToArray();
    }

    private static bool IsIdentifier(string? name) =>
        !string.IsNullOrEmpty(name) && Tokenizer.IsIdentifierStart(name[0]) && name.All(Tokenizer.IsIdentifierPart);
}

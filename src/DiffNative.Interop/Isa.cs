namespace DiffNative;

/// <summary>An instruction-set path of the native core. Values mirror <c>dn_isa</c>.</summary>
public enum Isa
{
    /// <summary>Portable C, no vector instructions beyond the compiler's baseline.</summary>
    Scalar = 1,

    /// <summary>AVX2 with FMA, 4 doubles per vector.</summary>
    Avx2 = 2,

    /// <summary>AVX-512F, 8 doubles per vector.</summary>
    Avx512 = 3,
}

/// <summary>The names <c>scalar</c>, <c>avx2</c> and <c>avx512</c>, used everywhere: the
/// DIFFNATIVE_ISA variable, the API, the CLI and JSON.</summary>
public static class IsaNames
{
    /// <summary>Every ISA, worst to best.</summary>
    public static IReadOnlyList<Isa> All { get; } = [Isa.Scalar, Isa.Avx2, Isa.Avx512];

    /// <summary>The lower-case name of <paramref name="isa"/>.</summary>
    public static string ToName(this Isa isa) => isa switch
    {
        Isa.Scalar => "scalar",
        Isa.Avx2 => "avx2",
        Isa.Avx512 => "avx512",
        _ => throw new ArgumentOutOfRangeException(nameof(isa), isa, "Not an ISA: expected scalar, avx2 or avx512."),
    };

    /// <summary>Parses an exact lower-case ISA name; false for anything else.</summary>
    public static bool TryParse(string? name, out Isa isa)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.Ordinal))
            {
                isa = candidate;
                return true;
            }
        }
        isa = default;
        return false;
    }

    /// <summary>Parses an exact lower-case ISA name.</summary>
    /// <exception cref="ArgumentException">The name is not scalar, avx2 or avx512.</exception>
    public static Isa Parse(string name) => TryParse(name, out var isa)
        ? isa
        : throw new ArgumentException($"Unknown ISA '{name}': expected scalar, avx2 or avx512.", nameof(name));

    /// <summary>The ISAs whose bits (1 &lt;&lt; isa) are set in <paramref name="mask"/>.</summary>
    internal static IReadOnlyList<Isa> FromMask(uint mask) => All.Where(i => (mask & (1u << (int)i)) != 0).ToArray();
}

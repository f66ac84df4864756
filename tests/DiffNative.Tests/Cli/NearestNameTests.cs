using DiffNative.Cli.Help;

namespace DiffNative.Tests.Cli;

/// <summary>The edit distance behind "did you mean", on pairs whose distance is known by hand.</summary>
public class NearestNameTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]        // k→s, e→i, +g
    [InlineData("gradeint", "gradient", 1)]     // one swap of neighbours
    [InlineData("ca", "abc", 3)]                // the restricted (no edit twice) distance, not 2
    [InlineData("minimise", "minimize", 1)]
    public void Distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, NearestName.Distance(a, b));
        Assert.Equal(expected, NearestName.Distance(b, a));
    }

    [Theory]
    [InlineData("plt", "plot")]
    [InlineData("grad", "gradient")]     // a prefix of one name wins over a nearer one ("grid")
    [InlineData("gird", "grid")]         // a swap, not a prefix
    [InlineData("xyzzy", null)]
    [InlineData("hes", "hessian")]
    public void Find_takes_a_unique_prefix_else_the_closest_within_a_third(string typed, string? expected) =>
        Assert.Equal(expected, NearestName.Find(typed, ["plot", "gradient", "grid", "hessian", "help"]));
}

using System.Text;
using CsCheck;

namespace DiffNative.Tests.Properties;

/// <summary>Runs a property over generated cases: first every kept regression seed of that
/// property (TestData/PropertyRegressions/&lt;name&gt;.txt), then a fixed number of fresh cases
/// from a fixed seed, one after another, so that CI sees the same cases on every run. CsCheck's
/// own Sample draws its cases from the clock and spreads them over threads; here its generators
/// are driven from one PCG, and Sample is called only on a failure, to shrink it.</summary>
/// <remarks>DIFFNATIVE_PROPERTY_SCALE=k runs k times each property's default number of cases;
/// DIFFNATIVE_PROPERTY_SEED=n starts from another seed (any unsigned number, or "random").</remarks>
internal static class Property
{
    internal const string ScaleVariable = "DIFFNATIVE_PROPERTY_SCALE";
    internal const string SeedVariable = "DIFFNATIVE_PROPERTY_SEED";

    /// <summary>The base seed of every property's case sequence unless DIFFNATIVE_PROPERTY_SEED says another.</summary>
    private const ulong DefaultSeed = 20_260_601;

    private static readonly Lazy<ulong> BaseSeed = new(ReadSeed);

    /// <summary>Checks <paramref name="property"/> on the kept cases and <paramref name="cases"/>
    /// fresh ones (times the scale). It throws (an assertion, or an exception of the code under
    /// test) to fail; the failure names the case's seed, the input and, when the input shrinks,
    /// a smaller failing one.</summary>
    /// <param name="name">The property's name: its regression file and its sequence of cases.</param>
    /// <param name="shrinkTries">How many smaller cases CsCheck may try after a failure (0 for
    /// properties whose cases are slow, such as a child process each).</param>
    internal static void Check<T>(string name, Gen<T> gen, Action<T> property, int cases, int shrinkTries = 2_000)
    {
        foreach (var kept in Regressions.For(name))
            RunCase(name, gen, property, kept.Seed, $"kept case ({kept.Note})", shrinkTries);
        var pcg = new PCG(Stream(name), BaseSeed.Value);
        var total = checked(cases * Scale());
        for (var i = 0; i < total; i++)
            RunCase(name, gen, property, pcg.ToString(), $"case {i + 1} of {total} from seed {BaseSeed.Value}", shrinkTries, pcg);
    }

    /// <summary>Generates the case of one seed (from <paramref name="running"/> when given, which
    /// then moves on to the next case) and checks it.</summary>
    private static void RunCase<T>(string name, Gen<T> gen, Action<T> property, string seed, string which, int shrinkTries, PCG? running = null)
    {
        var value = gen.Generate(running ?? PCG.Parse(seed), null!, out _);
        try
        {
            property(value);
        }
        catch (Exception e)
        {
            throw new PropertyFailedException(Report(name, gen, property, seed, which, value, e, shrinkTries), e);
        }
    }

    private static string Report<T>(string name, Gen<T> gen, Action<T> property, string seed, string which, T value, Exception e, int shrinkTries)
    {
        var text = new StringBuilder()
            .AppendLine($"Property {name} failed on its {which}, seed \"{seed}\":")
            .AppendLine($"  input: {Describe.Value(value)}")
            .AppendLine($"  {e.GetType().Name}: {e.Message}");
        if (shrinkTries > 0)
        {
            try
            {
                gen.Sample(property, seed: seed, iter: shrinkTries, threads: 1, print: v => Describe.Value(v));
            }
            catch (CsCheckException shrunk)
            {
                text.AppendLine($"  shrunk by CsCheck: {shrunk.Message.ReplaceLineEndings(" ")}");
            }
        }
        return text
            .AppendLine($"Keep it: add the seed (CsCheck's shrunk one if given) to TestData/PropertyRegressions/{name}.txt,")
            .Append("and write the input out as a [Fact] beside the property, which still holds if the generator changes.")
            .ToString();
    }

    private static int Scale()
    {
        var text = Environment.GetEnvironmentVariable(ScaleVariable);
        if (string.IsNullOrWhiteSpace(text)) return 1;
        return int.TryParse(text, out var scale) && scale >= 1
            ? scale
            : throw new InvalidOperationException($"{ScaleVariable}={text} is not a whole number of at least 1.");
    }

    private static ulong ReadSeed()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(text)) return DefaultSeed;
        if (text == "random") return (ulong)DateTime.UtcNow.Ticks;
        return ulong.TryParse(text, out var seed)
            ? seed
            : throw new InvalidOperationException($"{SeedVariable}={text} is not an unsigned number or \"random\".");
    }

    /// <summary>A stream per property (FNV-1a of its name), so that properties do not share cases.</summary>
    private static uint Stream(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}

/// <summary>A property failed: the message says on which case and how to keep it.</summary>
internal sealed class PropertyFailedException(string message, Exception inner) : Exception(message, inner);

using CsCheck;
using DiffNative.Tests.Cli;

namespace DiffNative.Tests.Properties;

/// <summary>The diffnative command on generated argument vectors, run as users run it (a child
/// process each, so few cases): every verb with options in any order, repeated or missing,
/// values good and bad. It exits 0 or 2 (1 only for check), never with an unhandled exception or
/// a stack trace, and on exit 2 says why in exactly one line "diffnative: …" on stderr.</summary>
public sealed class CliProperties : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("diffnative-cli-properties-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Option values: expressions good and bad, numbers in and out of range or in another
    /// locale's spelling, lists, names of methods and backends, paths that are files, folders or
    /// nothing, and empty text.</summary>
    private static readonly string[] Values =
    [
        "x^2", "sin(x)*y", "x^2 + 3*y^2", "x*y; y - x", "exp(x", "x +", "sinn(x)", "1e999", "z", "abs(x)", "gelu(x)", "x;", "",
        "1", "0", "-1", "0.5", "0,5", "1.5", "1e-300", "1e300", "NaN", "inf", "abc", "2", "4", "8", "9",
        "1,2", "1, 2, 3", "1,,2", "-2,0.5", "x,y", "x", "y", "x,x", "pi", "sin", "x,y,z",
        "central", "forward", "backward", "complex", "adaptive", "bogus", "native", "managed", "bfgs", "adam", "newton",
        "{file}", "{folder}", "{missing}", "{output}", "{noFolder}/out.csv", "value", "t", "{file}.png",
    ];

    private static readonly string[] Options =
    [
        "--expr", "--at", "--vars", "--var", "--method", "--accuracy", "--step", "--backend", "--order", "--json", "--sparse",
        "--learning-rate", "--max-iter", "--gtol", "--input", "--y", "--x", "--spacing", "--numpy-edge-order", "--output",
        "--help", "--bogus", "-x", "--", "@{file}",
    ];

    private static readonly string[] Verbs = ["derive", "gradient", "hessian", "jacobian", "minimize", "grid", "info", "bogus", ""];

    /// <summary>A verb, then its usual options with plausible values (so that many calls get past
    /// parsing), mixed with random ones.</summary>
    private static readonly Gen<string[]> Arguments =
        from verb in Gen.OneOf(Verbs)
        from usual in Gen.Bool
        from extra in Gen.Select(Gen.OneOf(Options), Gen.OneOf(Values), Gen.Bool).Array[0, 5]
        from expression in Gen.OneOf("x^2", "sin(x)*y", "x^2 + 3*y^2", "x*y; y - x", "exp(x", "z", "x;")
        from at in Gen.OneOf("1", "1,2", "0.5,-1", "1,,2", "nan")
        from vars in Gen.OneOf("x", "x,y", "x,x", "pi", "")
        select Build(verb, usual, extra, expression, at, vars);

    private static string[] Build(string verb, bool usual, (string Option, string Value, bool WithValue)[] extra, string expression, string at, string vars)
    {
        var args = new List<string>();
        if (verb.Length > 0) args.Add(verb);
        if (usual)
        {
            if (verb == "grid")
                args.AddRange(["--input", "{file}", "--y", "value"]);
            else if (verb is not ("info" or "bogus" or ""))
                args.AddRange(["--expr", expression, "--at", at, verb == "derive" ? "--var" : "--vars", verb == "derive" ? "x" : vars]);
        }
        foreach (var (option, value, withValue) in extra)
        {
            args.Add(option);
            if (withValue) args.Add(value);
        }
        return args.ToArray();
    }

    [Fact]
    public void EveryArgumentVectorExitsCleanly()
    {
        var file = Path.Combine(folder, "samples.csv");
        File.WriteAllText(file, "t,value\n0,0\n0.5,0.25\n1,1\n1.5,2.25\n2,4\n2.5,6.25\n");
        var responses = Path.Combine(folder, "args.rsp");
        File.WriteAllText(responses, "derive --expr x^2 --at 1\n");
        string Resolve(string a) => a.Replace("@{file}", "@" + responses).Replace("{file}", file).Replace("{folder}", folder)
            .Replace("{missing}", Path.Combine(folder, "missing.csv")).Replace("{output}", Path.Combine(folder, "out.csv"))
            .Replace("{noFolder}", Path.Combine(folder, "no", "such"));

        Property.Check(nameof(EveryArgumentVectorExitsCleanly), Arguments, args =>
        {
            var resolved = args.Select(Resolve).ToArray();
            var result = CliRunner.RunIn(folder, null, resolved);
            var shown = $"diffnative {string.Join(' ', resolved.Select(a => $"'{a}'"))}";
            var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.False(result.Stderr.Contains("Unhandled exception", StringComparison.Ordinal) || lines.Any(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)),
                $"{shown}: a stack trace on stderr:\n{result.Stderr}");
            Assert.True(result.ExitCode is 0 or 2 || (result.ExitCode == 1 && resolved.FirstOrDefault() == "check"),
                $"{shown}: exit {result.ExitCode}\nstderr: {result.Stderr}");
            if (result.ExitCode == 2)
            {
                Assert.True(lines.Length == 1 && lines[0].StartsWith("diffnative: ", StringComparison.Ordinal),
                    $"{shown}: exit 2 with {lines.Length} lines on stderr, expected one 'diffnative: …':\n{result.Stderr}");
            }
        }, cases: 50, shrinkTries: 0);
    }
}

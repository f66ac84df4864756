using System.Diagnostics;
using DiffNative;

namespace DiffNative.Benchmarks;

/// <summary><c>--interleaved-gradient [n] [rounds]</c>: the gradient benchmark's baseline (the bare
/// 2n evaluations) and its two backends timed in alternating rounds of one process, fastest round
/// of each. BenchmarkDotNet times each method in its own stretch, so at n = 10 (≈ 170 ns per call)
/// this VM's drift between stretches is as large as the overhead being measured; alternating
/// shares the drift. Code placement still differs from process to process by a few per cent, so
/// run it several times and read the median.</summary>
internal static class InterleavedGradient
{
    internal static int Run(string[] args, TextWriter output)
    {
        var n = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
        var benchmark = new GradientBenchmarks { N = n };
        benchmark.Setup();
        var methods = new (string Name, Func<double> Call)[]
        {
            ("2n evaluations", benchmark.Evaluations),
            ("DiffNative managed", () => benchmark.Managed().Evaluations),
            ("DiffNative native", () => benchmark.Native().Evaluations),
            ("native, no step check", () => benchmark.NativeUnchecked().Evaluations),
        };
        var calls = Math.Max(1, 2_000_000 / (n * n + 100)); // about 20 ms a round at n = 10
        var fastest = new double[methods.Length];
        Array.Fill(fastest, double.PositiveInfinity);
        for (var round = -20; round < rounds; round++) // 20 rounds of warm-up: tiering settles
            for (var k = 0; k < methods.Length; k++)
            {
                var time = NanosecondsPerCall(methods[k].Call, calls);
                if (round >= 0) fastest[k] = Math.Min(fastest[k], time);
            }
        for (var k = 0; k < methods.Length; k++)
            output.WriteLine($"{methods[k].Name,-20} {fastest[k],10:F1} ns  {fastest[k] / fastest[0]:F3}");
        return 0;
    }

    private static double NanosecondsPerCall(Func<double> call, int calls)
    {
        var sum = 0.0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) sum += call();
        clock.Stop();
        GC.KeepAlive(sum);
        return clock.Elapsed.TotalNanoseconds / calls;
    }
}

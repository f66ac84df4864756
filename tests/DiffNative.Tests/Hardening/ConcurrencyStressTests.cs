using DiffNative.Tests.Runtime;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>Many threads at once on every backend, while one thread keeps switching the
/// process-wide active ISA: every result must be the single-threaded one, bit for bit (every ISA
/// gives the same bits, so a switch may change the path but never the numbers), and the run must
/// end within its bound (no deadlock). In the global-state collection because of the switching.</summary>
[Collection(GlobalStateCollection.Name)]
public class ConcurrencyStressTests
{
    private const int Workers = 8;
    private const int Rounds = 150;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    /// <summary>One call of the library into a fresh array: what a service would do per request.</summary>
    private sealed record Job(string Name, Func<Backend, double[]> Run);

    private static readonly double[] Point = Enumerable.Range(0, 24).Select(i => 0.1 * i - 1.1).ToArray();
    private static readonly double[] Field = RandomSamples.Create(12 * 20, 7);
    private static readonly double[] Logits = RandomSamples.Create(6 * 33, 11).Select(v => 40 * v).ToArray();
    private static readonly float[] FloatLogits = Logits.Select(v => (float)v).ToArray();

    private static readonly Job[] Jobs =
    [
        new("gradient", b => Differentiate.Gradient(MghProblems.ExtendedRosenbrock, Point, new DifferentiationOptions { Backend = b }).Values),
        new("hessian", b => Differentiate.Hessian(MghProblems.ExtendedRosenbrock, Point.AsSpan(0, 10), new DifferentiationOptions { Backend = b }).Values),
        new("adaptive gradient", b => Differentiate.Gradient(MghProblems.ExtendedRosenbrock, Point.AsSpan(0, 6),
            new DifferentiationOptions { Backend = b, Adaptive = true }).Values),
        new("grid axis 0", b => Into(Field.Length, d => SampledDerivative.AlongAxis(Field, [12, 20], 0, 0.25, d, 2, 6, b))),
        new("grid axis 1", b => Into(Field.Length, d => SampledDerivative.AlongAxis(Field, [12, 20], 1, 0.25, d, 1, 8, b))),
        new("laplacian", b => Into(Field.Length, d => SampledDerivative.Laplacian(Field, [12, 20], [0.25, 0.5], d, 4, b))),
        new("numpy gradient", b => Into(Field.Length, d => SampledDerivative.NumpyGradient(Field, 0.1, d, 2, b))),
        new("gelu with derivative", b => Into(2 * Logits.Length, d => Activation.GeluTanh.ApplyWithDerivative(Logits, d[..Logits.Length], d[Logits.Length..], b))),
        new("softplus backward", b => Into(Logits.Length, d => Activation.Softplus.Backward(Logits, Field.AsSpan(0, Logits.Length), d, b))),
        new("elu", b => Into(Logits.Length, d => Activation.Elu(0.7).Apply(Logits, d, b))),
        new("softmax", b => Into(Logits.Length, d => Softmax.Apply(Logits, d, 33, b))),
        // the float kernels, their outputs widened (exactly) for the comparison
        new("float silu with derivative", b => Widened(2 * FloatLogits.Length, d =>
            Activation.Silu.ApplyWithDerivative(FloatLogits, d[..FloatLogits.Length], d[FloatLogits.Length..], b))),
        new("float softmax", b => Widened(FloatLogits.Length, d => Softmax.Apply(FloatLogits, d, 33, b))),
        new("log-softmax backward", b => Into(Logits.Length, d =>
        {
            var y = new double[Logits.Length];
            Softmax.ApplyLog(Logits, y, 33, b);
            Softmax.BackwardLog(y, Field.AsSpan(0, Logits.Length), d, 33, b);
        })),
    ];

    private static double[] Into(int length, SpanAction fill)
    {
        var destination = new double[length];
        fill(destination);
        return destination;
    }

    private delegate void SpanAction(Span<double> destination);

    private static double[] Widened(int length, FloatSpanAction fill)
    {
        var destination = new float[length];
        fill(destination);
        return destination.Select(v => (double)v).ToArray();
    }

    private delegate void FloatSpanAction(Span<float> destination);

    private static IEnumerable<Backend> AllBackends() => Backends.All().Select(b => (Backend)b[0]);

    [Fact]
    public void Many_threads_on_every_backend_get_the_single_threaded_bits_while_the_active_isa_switches()
    {
        var backends = AllBackends().ToArray();
        // Expected values from one thread, before anything runs concurrently.
        var expected = Jobs.ToDictionary(j => j.Name, j => j.Run(Backend.Managed));
        foreach (var backend in backends)
            foreach (var job in Jobs)
                Assert.True(expected[job.Name].AsSpan().SequenceEqual(job.Run(backend)), $"{job.Name} on {backend} single-threaded");

        var original = DiffNativeRuntime.ActiveIsa;
        var outstanding = Workspace.Outstanding;
        var mismatches = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var calls = 0L;
        var switches = 0;
        using var start = new ManualResetEventSlim(false);
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Workers).Select(t => new Thread(() =>
        {
            start.Wait();
            try
            {
                for (var round = 0; round < Rounds; round++)
                    for (var k = 0; k < Jobs.Length; k++)
                    {
                        // Each thread walks jobs and backends in its own order, so different kernels overlap.
                        var job = Jobs[(k + t) % Jobs.Length];
                        var backend = backends[(round + t + k) % backends.Length];
                        if (!expected[job.Name].AsSpan().SequenceEqual(job.Run(backend)))
                            mismatches.Enqueue($"{job.Name} on {backend}, thread {t}, round {round}");
                        Interlocked.Increment(ref calls);
                    }
            }
            catch (Exception e) { errors.Enqueue(e); }
        }) { IsBackground = true }).ToList();
        var switcher = new Thread(() =>
        {
            start.Wait();
            var available = DiffNativeRuntime.AvailableIsas;
            try
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    DiffNativeRuntime.SetActiveIsa(available[i % available.Count]);
                    switches++;
                    Thread.Sleep(1);
                }
            }
            catch (Exception e) { errors.Enqueue(e); }
        }) { IsBackground = true };

        try
        {
            workers.ForEach(w => w.Start());
            switcher.Start();
            start.Set();
            var deadline = DateTime.UtcNow + Bound;
            var finished = workers.All(w => w.Join(Max(TimeSpan.Zero, deadline - DateTime.UtcNow)));
            stop.Cancel();
            Assert.True(switcher.Join(TimeSpan.FromSeconds(10)), "the ISA switcher did not stop");
            Assert.True(finished, $"workers still running after {Bound.TotalSeconds} s: deadlock or livelock");
        }
        finally
        {
            stop.Cancel();
            DiffNativeRuntime.SetActiveIsa(original);
        }
        Assert.Empty(errors);
        Assert.Empty(mismatches);
        Assert.Equal((long)Workers * Rounds * Jobs.Length, calls);
        Assert.True(switches > 0, "the active ISA was never switched during the run");
        Assert.Equal(outstanding, Workspace.Outstanding); // every pooled workspace came back
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

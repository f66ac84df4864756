using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>Float softmax and log-softmax: within 1 float ulp of mpmath on the data's vectors whose
/// entries are all floats; every result the double result on the widened rows rounded once; native
/// paths bit-identical to the managed reference on every row length 0..70 and on rows longer than
/// the native kernels' 512-value pieces; the stability cases exact.</summary>
public class SoftmaxFloatTests
{
    private static float[] Rows(int count, int seed, double scale)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * scale)).ToArray();
    }

    private static float[] Round(double[] values) => values.Select(v => (float)v).ToArray();

    private static double[] Widen(float[] values) => values.Select(v => (double)v).ToArray();

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Softmax_and_log_softmax_are_within_1_float_ulp_of_mpmath(Backend backend)
    {
        var cases = ActivationData.SoftmaxCases().Where(c => c.X.All(v => (double)(float)v == v)).ToList();
        Assert.True(cases.Count >= 6);
        foreach (var c in cases)
        {
            var x = c.X.Select(v => (float)v).ToArray();
            var y = new float[x.Length];
            Softmax.Apply(x, y, backend: backend);
            for (var i = 0; i < y.Length; i++)
                Assert.True(Ulps.Between(y[i], (float)c.Softmax[i]) <= 1, $"softmax [{string.Join(", ", c.X)}][{i}] = {y[i]:R}, mpmath {(float)c.Softmax[i]:R}");
            Softmax.ApplyLog(x, y, backend: backend);
            for (var i = 0; i < y.Length; i++)
                Assert.True(Ulps.Between(y[i], (float)c.LogSoftmax[i]) <= 1, $"log-softmax [{string.Join(", ", c.X)}][{i}] = {y[i]:R}, mpmath {(float)c.LogSoftmax[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Every_result_is_the_double_result_rounded_once(Backend backend)
    {
        foreach (var cols in new[] { 1, 7, 10, 513, 4099 })
        {
            var x = Rows(3 * cols, cols, 60.0);
            var g = Rows(3 * cols, cols + 1, 2.0);
            foreach (var log in new[] { false, true })
            {
                float[] y = new float[x.Length], dx = new float[x.Length];
                double[] yd = new double[x.Length], dxd = new double[x.Length];
                if (log) { Softmax.ApplyLog(x, y, cols, backend); Softmax.ApplyLog(Widen(x), yd, cols, backend); }
                else { Softmax.Apply(x, y, cols, backend); Softmax.Apply(Widen(x), yd, cols, backend); }
                Bits.AssertSame(Round(yd), y, $"log {log} cols {cols} forward");
                if (log) { Softmax.BackwardLog(y, g, dx, cols, backend); Softmax.BackwardLog(Widen(y), Widen(g), dxd, cols, backend); }
                else { Softmax.Backward(y, g, dx, cols, backend); Softmax.Backward(Widen(y), Widen(g), dxd, cols, backend); }
                Bits.AssertSame(Round(dxd), dx, $"log {log} cols {cols} backward");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Native_paths_match_the_managed_reference_bit_for_bit(Backend backend)
    {
        foreach (var cols in Enumerable.Range(1, 70).Concat([511, 512, 513, 1030, 4099]))
        {
            var x = Rows(3 * cols, cols, 80.0);
            if (cols > 3) { x[cols + 1] = x[cols + 2]; x[2 * cols] = float.NaN; } // a tie in row 1, a NaN in row 2
            var g = Rows(3 * cols, -cols, 2.0);
            foreach (var log in new[] { false, true })
            {
                float[] managed = new float[x.Length], native = new float[x.Length];
                if (log) { Softmax.ApplyLog(x, managed, cols, Backend.Managed); Softmax.ApplyLog(x, native, cols, backend); }
                else { Softmax.Apply(x, managed, cols, Backend.Managed); Softmax.Apply(x, native, cols, backend); }
                Bits.AssertSame(managed, native, $"log {log} cols {cols} forward");
                float[] mg = new float[x.Length], ng = new float[x.Length];
                if (log) { Softmax.BackwardLog(managed, g, mg, cols, Backend.Managed); Softmax.BackwardLog(managed, g, ng, cols, backend); }
                else { Softmax.Backward(managed, g, mg, cols, Backend.Managed); Softmax.Backward(managed, g, ng, cols, backend); }
                Bits.AssertSame(mg, ng, $"log {log} cols {cols} backward");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Float_stability_cases_are_exact(Backend backend)
    {
        var y = new float[2];
        Softmax.ApplyLog([1000f, 0f], y, backend: backend);
        Assert.Equal([0f, -1000f], y);
        Softmax.Apply([1000f, 0f], y, backend: backend);
        Assert.Equal([1f, 0f], y);
        var z = new float[3];
        Softmax.Apply([float.MaxValue, float.MaxValue, -float.MaxValue], z, backend: backend);
        Assert.Equal([0.5f, 0.5f, 0f], z);
        var w = new float[4];
        Softmax.Apply([1f, float.NaN, 2f, 2f], w, rowLength: 2, backend: backend);
        Assert.True(float.IsNaN(w[0]) && float.IsNaN(w[1]));
        Assert.Equal([0.5f, 0.5f], w[2..]);
    }
}

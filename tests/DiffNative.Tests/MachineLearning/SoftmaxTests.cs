using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>Softmax and log-softmax against mpmath (TestData/activations.json) and closed forms, on
/// every backend; their backward passes against the Jacobian written out; native paths bit-identical
/// to the managed reference.</summary>
public class SoftmaxTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Softmax_and_log_softmax_are_within_4_ulp_of_mpmath(Backend backend)
    {
        foreach (var c in ActivationData.SoftmaxCases())
        {
            var y = new double[c.X.Length];
            Softmax.Apply(c.X, y, backend: backend);
            for (var i = 0; i < y.Length; i++)
                Assert.True(Ulps.Between(y[i], c.Softmax[i]) <= 4, $"softmax [{string.Join(", ", c.X)}][{i}] = {y[i]:R}, mpmath {c.Softmax[i]:R}");
            Softmax.ApplyLog(c.X, y, backend: backend);
            for (var i = 0; i < y.Length; i++)
                Assert.True(Ulps.Between(y[i], c.LogSoftmax[i]) <= 4, $"log-softmax [{string.Join(", ", c.X)}][{i}] = {y[i]:R}, mpmath {c.LogSoftmax[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Log_softmax_of_1000_and_0_is_exact(Backend backend)
    {
        var y = new double[2];
        Softmax.ApplyLog([1000.0, 0.0], y, backend: backend);
        Assert.Equal([0.0, -1000.0], y);
        Softmax.Apply([1000.0, 0.0], y, backend: backend);
        Assert.Equal([1.0, 0.0], y);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Huge_logits_do_not_overflow(Backend backend)
    {
        var y = new double[3];
        Softmax.Apply([1e308, 1e308, -1e308], y, backend: backend);
        Assert.Equal([0.5, 0.5, 0.0], y);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Minus_infinity_masks_an_entry(Backend backend)
    {
        var y = new double[3];
        Softmax.Apply([0.0, double.NegativeInfinity, 0.0], y, backend: backend);
        Assert.Equal([0.5, 0.0, 0.5], y);
        Softmax.ApplyLog([0.0, double.NegativeInfinity, 0.0], y, backend: backend);
        Assert.Equal([-Math.Log(2), double.NegativeInfinity, -Math.Log(2)], y);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_nan_makes_its_row_nan_and_only_its_row(Backend backend)
    {
        var y = new double[4];
        Softmax.Apply([1.0, double.NaN, 2.0, 2.0], y, rowLength: 2, backend: backend);
        Assert.True(double.IsNaN(y[0]) && double.IsNaN(y[1]));
        Assert.Equal([0.5, 0.5], y[2..]);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Rows_are_independent(Backend backend)
    {
        double[] x = [1, 2, 3, -4, 0.5, 9];
        var together = new double[6];
        Softmax.ApplyLog(x, together, rowLength: 3, backend: backend);
        double[] first = new double[3], second = new double[3];
        Softmax.ApplyLog(x.AsSpan(0, 3), first, backend: backend);
        Softmax.ApplyLog(x.AsSpan(3), second, backend: backend);
        Assert.Equal(first.Concat(second), together);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Backward_passes_are_the_transposed_jacobian_times_upstream(Backend backend)
    {
        double[] x = [0.3, -1.2, 2.0, 0.7, -0.1];
        double[] g = [1.0, -0.5, 0.25, 2.0, -1.5];
        var n = x.Length;
        var p = new double[n];
        Softmax.Apply(x, p, backend: backend);
        // J = diag(p) − p pᵀ for softmax; J = I − 1 pᵀ for log-softmax (rows: outputs).
        var expectedSoftmax = new double[n];
        var expectedLog = new double[n];
        for (var j = 0; j < n; j++)
            for (var i = 0; i < n; i++)
            {
                expectedSoftmax[j] += g[i] * ((i == j ? p[i] : 0) - p[i] * p[j]);
                expectedLog[j] += g[i] * ((i == j ? 1 : 0) - p[j]);
            }
        var dx = new double[n];
        Softmax.Backward(p, g, dx, backend: backend);
        for (var j = 0; j < n; j++) Assert.Equal(expectedSoftmax[j], dx[j], 1e-15);
        var logp = new double[n];
        Softmax.ApplyLog(x, logp, backend: backend);
        Softmax.BackwardLog(logp, g, dx, backend: backend);
        for (var j = 0; j < n; j++) Assert.Equal(expectedLog[j], dx[j], 1e-15);
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Native_paths_match_the_managed_reference_bit_for_bit(Backend backend)
    {
        var random = new Random(11);
        foreach (var cols in Enumerable.Range(1, 40).Concat([127, 1000]))
        {
            var rows = cols < 20 ? 3 : 1;
            var x = Enumerable.Range(0, rows * cols).Select(_ => (random.NextDouble() - 0.5) * 60).ToArray();
            var g = Enumerable.Range(0, rows * cols).Select(_ => random.NextDouble() - 0.5).ToArray();
            if (cols > 2) x[1] = x[2]; // a tie
            foreach (var log in new[] { false, true })
            {
                double[] m = new double[x.Length], nv = new double[x.Length], dm = new double[x.Length], dn = new double[x.Length];
                Forward(log, x, m, cols, Backend.Managed);
                Forward(log, x, nv, cols, backend);
                Assert.Equal(Bits(m), Bits(nv));
                if (log) { Softmax.BackwardLog(m, g, dm, cols, Backend.Managed); Softmax.BackwardLog(m, g, dn, cols, backend); }
                else { Softmax.Backward(m, g, dm, cols, Backend.Managed); Softmax.Backward(m, g, dn, cols, backend); }
                Assert.Equal(Bits(dm), Bits(dn));
            }
        }
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Softmax.Apply([1.0, 2, 3], new double[3], rowLength: 2)).ParamName);
        Assert.Equal("rowLength", Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.Apply([1.0], new double[1], rowLength: 0)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Softmax.Apply([1.0, 2], new double[1])).ParamName);
        var buffer = new double[] { 1, 2 };
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Softmax.Apply(buffer, buffer)).ParamName);
        Assert.Equal("upstream", Assert.Throws<ArgumentException>(() => Softmax.Backward([0.5, 0.5], [1.0], new double[2])).ParamName);
    }

    private static void Forward(bool log, double[] x, double[] y, int cols, Backend backend)
    {
        if (log) Softmax.ApplyLog(x, y, cols, backend);
        else Softmax.Apply(x, y, cols, backend);
    }

    private static long[] Bits(double[] v) => v.Select(BitConverter.DoubleToInt64Bits).ToArray();
}

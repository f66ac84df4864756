using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>Softmax's edge rows on every backend, double and float, against their closed forms:
/// maxima at +∞ share the row equally (1/k; log-softmax −log k) and leave 0 (−∞) to the rest, as
/// finite maxima do; an all −∞ row and a row holding a NaN are NaN throughout; one element is 1
/// (log-softmax 0) unless it is −∞ or NaN.</summary>
public class SoftmaxEdgeRowTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Log_softmax_of_an_infinite_maximum_is_0_and_minus_infinity_like_softmax_1_and_0(Backend backend)
    {
        var y = new double[2];
        Softmax.Apply([double.PositiveInfinity, 0.0], y, backend: backend);
        Assert.Equal([1.0, 0.0], y);
        Softmax.ApplyLog([double.PositiveInfinity, 0.0], y, backend: backend);
        Assert.Equal([0.0, double.NegativeInfinity], y);
        var yf = new float[2];
        Softmax.ApplyLog([float.PositiveInfinity, 0f], yf, backend: backend);
        Assert.Equal([0f, float.NegativeInfinity], yf);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Infinite_maxima_share_the_row_equally(Backend backend)
    {
        double[] x = [double.PositiveInfinity, 1.0, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity];
        var y = new double[5];
        Softmax.Apply(x, y, backend: backend);
        Assert.Equal([1.0 / 3, 0.0, 1.0 / 3, 0.0, 1.0 / 3], y);
        Softmax.ApplyLog(x, y, backend: backend);
        foreach (var i in new[] { 0, 2, 4 })
            Assert.True(Ulps.Between(y[i], -Math.Log(3)) <= 1, $"log-softmax[{i}] = {y[i]:R}, −log 3 = {-Math.Log(3):R}");
        Assert.Equal([double.NegativeInfinity, double.NegativeInfinity], [y[1], y[3]]);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_single_element_is_1_and_log_0_unless_it_is_minus_infinity_or_nan(Backend backend)
    {
        var y = new double[1];
        foreach (var x in new[] { 3.5, -0.0, 0.0, -1e300, 1e300, double.PositiveInfinity })
        {
            Softmax.Apply([x], y, backend: backend);
            Assert.Equal(1.0, y[0]);
            Softmax.ApplyLog([x], y, backend: backend);
            Assert.Equal(0.0, y[0]);
        }
        foreach (var x in new[] { double.NegativeInfinity, double.NaN })
        {
            Softmax.Apply([x], y, backend: backend);
            Assert.True(double.IsNaN(y[0]), $"softmax [{x}] = {y[0]}");
            Softmax.ApplyLog([x], y, backend: backend);
            Assert.True(double.IsNaN(y[0]), $"log-softmax [{x}] = {y[0]}");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Edge_rows_of_every_length_have_their_closed_forms(Backend backend)
    {
        var random = new Random(3);
        for (var n = 1; n <= 70; n++)
        {
            for (var ties = 1; ties <= Math.Min(3, n); ties++)
            {
                // +∞ at every stride-th place (ties of them), the rest finite, one −∞ where there is room
                var x = Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * 80).ToArray();
                var stride = n / ties;
                for (var t = 0; t < ties; t++) x[t * stride] = double.PositiveInfinity;
                if (n > ties + 1) x[^1] = double.NegativeInfinity;
                var top = x.Select(double.IsPositiveInfinity).ToArray();
                ExpectRow(backend, x, top.Select(m => m ? 1.0 / ties : 0.0).ToArray(),
                    top.Select(m => m ? (ties == 1 ? 0.0 : -Math.Log(ties)) : double.NegativeInfinity).ToArray(), $"n={n} ties={ties}");
            }
            var nan = Enumerable.Repeat(double.NaN, n).ToArray();
            ExpectRow(backend, Enumerable.Repeat(double.NegativeInfinity, n).ToArray(), nan, nan, $"all −∞ n={n}");
            var withNan = Enumerable.Range(0, n).Select(i => i % 5 == 1 ? double.PositiveInfinity : i % 5 == 2 ? double.NegativeInfinity : i).ToArray();
            withNan[n * 3 / 4] = double.NaN;
            ExpectRow(backend, withNan, nan, nan, $"NaN n={n}");
        }
    }

    /// <summary>Softmax and log-softmax of x, in double and in float, against the expected double
    /// values (rounded to float for the float overloads): equal, or within 1 ulp for the logarithms.</summary>
    private static void ExpectRow(Backend backend, double[] x, double[] softmax, double[] logSoftmax, string context)
    {
        var y = new double[x.Length];
        Softmax.Apply(x, y, backend: backend);
        Assert.Equal(softmax, y);
        Softmax.ApplyLog(x, y, backend: backend);
        for (var i = 0; i < y.Length; i++)
            Assert.True(Ulps.Between(y[i], logSoftmax[i]) <= 1, $"{context}: log-softmax[{i}] = {y[i]:R}, expected {logSoftmax[i]:R}");
        var xf = x.Select(v => (float)v).ToArray();
        var yf = new float[x.Length];
        Softmax.Apply(xf, yf, backend: backend);
        Assert.Equal(softmax.Select(v => (float)v), yf);
        Softmax.ApplyLog(xf, yf, backend: backend);
        for (var i = 0; i < yf.Length; i++)
            Assert.True(Ulps.Between(yf[i], (float)logSoftmax[i]) <= 1, $"{context}: float log-softmax[{i}] = {yf[i]:R}, expected {logSoftmax[i]:R}");
    }
}

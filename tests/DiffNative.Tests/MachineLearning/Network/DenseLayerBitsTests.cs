namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>The bits of the dense layer: the double layer computes every entry as the textbook sum
/// (from 0, in index order, no fused multiply-adds), as it did before the float network shared its
/// code; the float layer is that double sum on the widened floats, rounded once.</summary>
public class DenseLayerBitsTests
{
    private const int Inputs = 5, Outputs = 3, Rows = 4;

    private static double[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (double)(float)(2 * random.NextDouble() - 1)).ToArray();
    }

    /// <summary>y = b + Σᵢ W[o, i]·x[i], dW = Σ_r g[r, o]·x[r, i], db = Σ_r g[r, o], dx = Σ_o g[r, o]·W[o, i].</summary>
    private static (double[] Y, double[] DTheta, double[] DX) Textbook(double[] theta, double[] x, double[] g)
    {
        var y = new double[Rows * Outputs];
        var dtheta = new double[theta.Length];
        var dx = new double[Rows * Inputs];
        for (var r = 0; r < Rows; r++)
            for (var o = 0; o < Outputs; o++)
            {
                var sum = 0.0;
                for (var i = 0; i < Inputs; i++) sum += theta[o * Inputs + i] * x[r * Inputs + i];
                y[r * Outputs + o] = theta[Outputs * Inputs + o] + sum;
            }
        for (var r = 0; r < Rows; r++)
            for (var o = 0; o < Outputs; o++)
            {
                dtheta[Outputs * Inputs + o] += g[r * Outputs + o];
                for (var i = 0; i < Inputs; i++)
                {
                    dtheta[o * Inputs + i] += g[r * Outputs + o] * x[r * Inputs + i];
                    dx[r * Inputs + i] += g[r * Outputs + o] * theta[o * Inputs + i];
                }
            }
        return (y, dtheta, dx);
    }

    [Fact]
    public void The_double_dense_layer_gives_the_textbook_sums_bit_for_bit()
    {
        double[] theta = Values(Outputs * Inputs + Outputs, 1), x = Values(Rows * Inputs, 2), g = Values(Rows * Outputs, 3);
        var layer = new DenseLayer(Inputs, Outputs);
        var y = new double[Rows * Outputs];
        var dtheta = new double[theta.Length];
        var dx = new double[Rows * Inputs];
        layer.Forward(theta, x, y, Rows);
        layer.Backward(theta, x, g, dx, dtheta, Rows);

        var expected = Textbook(theta, x, g);
        Assert.Equal(expected.Y, y);
        Assert.Equal(expected.DTheta, dtheta);
        Assert.Equal(expected.DX, dx);
    }

    [Fact]
    public void The_float_dense_layer_is_the_double_sum_rounded_once()
    {
        double[] theta = Values(Outputs * Inputs + Outputs, 4), x = Values(Rows * Inputs, 5), g = Values(Rows * Outputs, 6);
        static float[] Narrow(double[] values) => Array.ConvertAll(values, v => (float)v);
        var layer = new DenseLayer<float>(Inputs, Outputs);
        var y = new float[Rows * Outputs];
        var dtheta = new float[theta.Length];
        var dx = new float[Rows * Inputs];
        layer.Forward(Narrow(theta), Narrow(x), y, Rows);
        layer.Backward(Narrow(theta), Narrow(x), Narrow(g), dx, dtheta, Rows);

        var expected = Textbook(theta, x, g); // the values are floats, so the double sums see the same inputs
        Assert.Equal(Narrow(expected.Y), y);
        Assert.Equal(Narrow(expected.DTheta), dtheta);
        Assert.Equal(Narrow(expected.DX), dx);
    }
}

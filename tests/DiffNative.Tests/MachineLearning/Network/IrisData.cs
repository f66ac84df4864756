using System.Globalization;

namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>Fisher's Iris data from TestData/iris.csv (scikit-learn's copy: a header line, then
/// four measurements and the class 0–2 per row), standardised and one-hot encoded.</summary>
internal static class IrisData
{
    public const int Rows = 150, Features = 4, Classes = 3;

    /// <summary>Features standardised per column (mean 0, population standard deviation 1), so that
    /// no measurement dominates the first layer's pre-activations; one-hot targets.</summary>
    public static (double[] Features, double[] Targets) Load()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "iris.csv"));
        Assert.Equal("150,4,setosa,versicolor,virginica", lines[0]);
        var x = new double[Rows * Features];
        var y = new double[Rows * Classes];
        for (var r = 0; r < Rows; r++)
        {
            var cells = lines[r + 1].Split(',');
            for (var j = 0; j < Features; j++) x[r * Features + j] = double.Parse(cells[j], CultureInfo.InvariantCulture);
            y[r * Classes + int.Parse(cells[Features], CultureInfo.InvariantCulture)] = 1.0;
        }
        for (var j = 0; j < Features; j++)
        {
            double mean = 0, square = 0;
            for (var r = 0; r < Rows; r++) mean += x[r * Features + j] / Rows;
            for (var r = 0; r < Rows; r++) square += Math.Pow(x[r * Features + j] - mean, 2) / Rows;
            var sd = Math.Sqrt(square);
            for (var r = 0; r < Rows; r++) x[r * Features + j] = (x[r * Features + j] - mean) / sd;
        }
        return (x, y);
    }

    /// <summary><see cref="Load"/> rounded to float, for networks that train in float.</summary>
    public static (float[] Features, float[] Targets) LoadSingle()
    {
        var (x, y) = Load();
        return (Array.ConvertAll(x, v => (float)v), Array.ConvertAll(y, v => (float)v));
    }
}

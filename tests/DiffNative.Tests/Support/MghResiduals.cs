namespace DiffNative.Tests.Support;

/// <summary>The residual vectors r of the Moré–Garbow–Hillstrom problems of TestData/mgh.json
/// (F = Σ rᵢ²), written from the file's "residuals" formulas, with each problem's minimiser.</summary>
public static class MghResiduals
{
    public static int Count(string id, int n) => id switch
    {
        "rosenbrock" or "extended_rosenbrock_10" => n,
        "beale" or "helical_valley" => 3,
        "powell_singular" => 4,
        "wood" => 6,
        _ => throw new ArgumentException($"unknown problem {id}"),
    };

    public static VectorFunction For(string id) => id switch
    {
        "rosenbrock" or "extended_rosenbrock_10" => (x, r) =>
        {
            for (var i = 0; i + 1 < x.Length; i += 2)
            {
                r[i] = 10 * (x[i + 1] - x[i] * x[i]);
                r[i + 1] = 1 - x[i];
            }
        },
        "beale" => (x, r) =>
        {
            double[] y = [1.5, 2.25, 2.625];
            for (var i = 1; i <= 3; i++) r[i - 1] = y[i - 1] - x[0] * (1 - Math.Pow(x[1], i));
        },
        "helical_valley" => (x, r) =>
        {
            var theta = Math.Atan(x[1] / x[0]) / (2 * Math.PI) + (x[0] < 0 ? 0.5 : 0.0);
            r[0] = 10 * (x[2] - 10 * theta);
            r[1] = 10 * (Math.Sqrt(x[0] * x[0] + x[1] * x[1]) - 1);
            r[2] = x[2];
        },
        "powell_singular" => (x, r) =>
        {
            r[0] = x[0] + 10 * x[1];
            r[1] = Math.Sqrt(5) * (x[2] - x[3]);
            r[2] = (x[1] - 2 * x[2]) * (x[1] - 2 * x[2]);
            r[3] = Math.Sqrt(10) * (x[0] - x[3]) * (x[0] - x[3]);
        },
        "wood" => (x, r) =>
        {
            r[0] = 10 * (x[1] - x[0] * x[0]);
            r[1] = 1 - x[0];
            r[2] = Math.Sqrt(90) * (x[3] - x[2] * x[2]);
            r[3] = 1 - x[2];
            r[4] = Math.Sqrt(10) * (x[1] + x[3] - 2);
            r[5] = (x[1] - x[3]) / Math.Sqrt(10);
        },
        _ => throw new ArgumentException($"unknown problem {id}"),
    };
}

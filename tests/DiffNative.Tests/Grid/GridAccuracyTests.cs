using DiffNative.Tests.Support;

namespace DiffNative.Tests.Grid;

/// <summary>Against closed forms: exact on polynomials, the stated convergence order.</summary>
public class GridAccuracyTests
{
    public static IEnumerable<object[]> OrdersAndAccuracies() =>
        from d in new[] { 1, 2, 3, 4 } from p in new[] { 2, 4, 6, 8 } select new object[] { d, p };

    private static double FallingFactorial(int degree, int d)
    {
        var f = 1.0;
        for (var k = 0; k < d; k++) f *= degree - k;
        return f;
    }

    [Theory]
    [MemberData(nameof(OrdersAndAccuracies))]
    public void Polynomials_below_order_plus_accuracy_are_exact_on_uniform_and_irregular_grids(int d, int p)
    {
        var degree = d + p - 1;
        const int n = 40;
        var uniform = Enumerable.Range(0, n).Select(i => -1.0 + 0.0625 * i).ToArray();
        var irregular = Enumerable.Range(0, n).Select(i => -1.0 + 0.0625 * i + 0.02 * Math.Sin(3.0 * i)).ToArray();
        foreach (var (x, label) in new[] { (uniform, "uniform"), (irregular, "irregular") })
        {
            var y = x.Select(t => Math.Pow(t, degree)).ToArray();
            var result = new double[n];
            if (label == "uniform") SampledDerivative.Derivative(y, 0.0625, result, d, p);
            else SampledDerivative.Derivative(y, x, result, d, p);
            var exact = x.Select(t => FallingFactorial(degree, d) * Math.Pow(t, degree - d)).ToArray();
            var scale = exact.Max(Math.Abs);
            for (var i = 0; i < n; i++)
                Assert.True(Math.Abs(result[i] - exact[i]) <= 1e-6 * scale, $"{label} d={d} p={p} i={i}: {result[i]} vs {exact[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(OrdersAndAccuracies))]
    public void Error_falls_by_two_to_the_accuracy_when_the_spacing_halves(int d, int p)
    {
        if (p + d > 8) return; // higher combinations reach rounding before the coarse grid shows the order
        // sin and exp on [0, 1]; f^(d) in closed form
        foreach (var (f, df) in new (Func<double, double>, Func<double, double>)[]
        {
            (Math.Sin, t => d switch { 1 => Math.Cos(t), 2 => -Math.Sin(t), 3 => -Math.Cos(t), _ => Math.Sin(t) }),
            (Math.Exp, Math.Exp),
        })
        {
            double MaxError(int n)
            {
                var h = 1.0 / (n - 1);
                var y = Enumerable.Range(0, n).Select(i => f(i * h)).ToArray();
                var r = new double[n];
                SampledDerivative.Derivative(y, h, r, d, p);
                return Enumerable.Range(0, n).Max(i => Math.Abs(r[i] - df(i * h)));
            }
            var ratio = MaxError(21) / MaxError(41);
            var expected = Math.Pow(2, p);
            Assert.InRange(ratio, expected / 1.6, expected * 1.6);
        }
    }

    [Theory]
    [InlineData(1e-200, BackendKind.Managed)]
    [InlineData(1e-200, BackendKind.Native)]
    [InlineData(1e-300, BackendKind.Managed)]
    [InlineData(1e-300, BackendKind.Native)]
    [InlineData(1e150, BackendKind.Managed)]
    [InlineData(1e150, BackendKind.Native)]
    public void Irregular_grids_at_extreme_spacings_differentiate_like_unit_ones(double h, BackendKind kind)
    {
        // The irregular grid of the polynomial test scaled by h, with y(x) = (x/h)³: the derivatives
        // are those on the unit grid times h^-d. Plain-double weights gave Inf or NaN below ~1e-160.
        const int n = 40;
        var unit = Enumerable.Range(0, n).Select(i => -1.0 + 0.0625 * i + 0.02 * Math.Sin(3.0 * i)).ToArray();
        var x = unit.Select(t => t * h).ToArray();
        var y = unit.Select(t => t * t * t).ToArray();
        for (var d = 1; d <= 3; d++)
        {
            var scale = Math.Pow(h, -d);
            if (!double.IsFinite(scale * 8) || scale == 0) continue;
            var result = new double[n];
            SampledDerivative.Derivative(y, x, result, d, 4, new Backend(kind, null));
            for (var i = 0; i < n; i++)
            {
                var exact = FallingFactorial(3, d) * Math.Pow(unit[i], 3 - d) * scale;
                Assert.True(Math.Abs(result[i] - exact) <= 1e-9 * 6 * scale, $"h={h} d={d} i={i}: {result[i]} vs {exact}");
            }
        }
    }

    [Fact]
    public void Irregular_grids_keep_the_stated_order_for_even_derivatives()
    {
        // findiff loses an order here; the extra interior point keeps O(h^p).
        double MaxError(int n)
        {
            var x = Enumerable.Range(0, n).Select(i => (double)i / (n - 1)).Select(t => t + 0.05 * Math.Sin(Math.PI * t)).ToArray();
            var y = x.Select(Math.Exp).ToArray();
            var r = new double[n];
            SampledDerivative.Derivative(y, x, r, 2, 2);
            return Enumerable.Range(0, n).Max(i => Math.Abs(r[i] - Math.Exp(x[i])));
        }
        Assert.InRange(MaxError(41) / MaxError(81), 4 / 1.6, 4 * 1.6);
    }

    [Fact]
    public void Laplacian_and_mixed_partials_of_polynomials_are_exact()
    {
        // f = x^2 y^3 on a 20 x 24 grid: Laplacian 2y^3 + 6x^2 y, mixed 6 x y^2.
        int[] shape = [20, 24];
        double[] spacing = [0.25, 0.125];
        var f = new double[20 * 24];
        for (var i = 0; i < 20; i++)
            for (var j = 0; j < 24; j++)
            {
                double x = -2 + 0.25 * i, y = -1 + 0.125 * j;
                f[i * 24 + j] = x * x * y * y * y;
            }
        var laplacian = new double[f.Length];
        SampledDerivative.Laplacian(f, shape, spacing, laplacian, 4);
        var mixed = new double[f.Length];
        SampledDerivative.SecondPartial(f, shape, 0, 1, spacing, mixed, 4);
        for (var i = 0; i < 20; i++)
            for (var j = 0; j < 24; j++)
            {
                double x = -2 + 0.25 * i, y = -1 + 0.125 * j;
                Assert.Equal(2 * y * y * y + 6 * x * x * y, laplacian[i * 24 + j], 1e-9);
                Assert.Equal(6 * x * y * y, mixed[i * 24 + j], 1e-9);
            }
        var gradient = new double[2 * f.Length];
        SampledDerivative.FieldGradient(f, shape, spacing, gradient, 4);
        Assert.Equal(2 * -2.0 * -1.0, gradient[0], 1e-9);           // d/dx at (x, y) = (-2, -1): 2xy^3
        Assert.Equal(3 * 4.0 * 1.0, gradient[f.Length], 1e-9);      // d/dy: 3x^2y^2
    }

    [Fact]
    public void Span_apis_allocate_nothing_in_steady_state()
    {
        var y = RandomSamples.Create(1000, 3);
        var d = new double[1000];
        int[] shape = [25, 40];
        double[] spacing = [0.1, 0.2];
        foreach (var backend in new[] { Backend.Managed, Backend.Native })
        {
            var bytes = Allocations.SteadyState(() =>
            {
                SampledDerivative.Derivative(y, 0.1, d, 2, 6, backend);
                SampledDerivative.Laplacian(y, shape, spacing, d, 4, backend);
            });
            Assert.True(bytes == 0, $"{backend}: {bytes} bytes");
        }
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        var y = new double[20];
        var d = new double[20];
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => SampledDerivative.Derivative(y, 1.0, d, 5)).ParamName);
        Assert.Equal("accuracy", Assert.Throws<ArgumentOutOfRangeException>(() => SampledDerivative.Derivative(y, 1.0, d, 1, 3)).ParamName);
        Assert.Equal("spacing", Assert.Throws<ArgumentOutOfRangeException>(() => SampledDerivative.Derivative(y, 0.0, d)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => SampledDerivative.Derivative(y.AsSpan(0, 5), 1.0, d, 4, 8)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => SampledDerivative.Derivative(y, 1.0, d.AsSpan(0, 5))).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => SampledDerivative.Derivative(y.AsSpan(0, 10), 1.0, y.AsSpan(5, 10))).ParamName);
        Assert.Equal("coordinates", Assert.Throws<ArgumentException>(() => SampledDerivative.Derivative(y, new double[20], d)).ParamName);
        Assert.Equal("coordinates", Assert.Throws<ArgumentException>(() => SampledDerivative.Derivative(y, new double[19], d)).ParamName);
        Assert.Equal("axis", Assert.Throws<ArgumentOutOfRangeException>(() => SampledDerivative.AlongAxis(y, [4, 5], 2, 1.0, d)).ParamName);
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => SampledDerivative.AlongAxis(y, [5, 5], 0, 1.0, new double[25])).ParamName);
        Assert.Equal("spacing", Assert.Throws<ArgumentException>(() => SampledDerivative.Laplacian(y, [4, 5], [1.0], d)).ParamName);
        Assert.Equal("edgeOrder", Assert.Throws<ArgumentOutOfRangeException>(() => SampledDerivative.NumpyGradient(y, 1.0, d, 3)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => SampledDerivative.NumpyGradient(y.AsSpan(0, 2), 1.0, d, 2)).ParamName);
    }
}

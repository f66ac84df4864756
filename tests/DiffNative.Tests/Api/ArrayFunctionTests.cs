namespace DiffNative.Tests.Api;

/// <summary>Functions over arrays, as Math.NET Numerics takes them: a <c>Func&lt;double[], double&gt;</c>
/// variable goes straight to Gradient and Hessian, and a <c>Func&lt;double, double&gt;</c> to
/// Derivative. Expected values are the closed forms of f = x₀²x₁ + sin x₁.</summary>
public class ArrayFunctionTests
{
    private static readonly double[] X = [3.0, 2.0];

    private static double F(double[] p) => p[0] * p[0] * p[1] + Math.Sin(p[1]);

    [Fact]
    public void A_func_over_arrays_gives_the_closed_form_gradient()
    {
        Func<double[], double> f = F;
        var g = Differentiate.Gradient(f, X);
        Assert.Equal(DerivativeStatus.Ok, g.Status);
        Assert.Equal(2 * X[0] * X[1], g[0, 0], 1e-8);                   // 12
        Assert.Equal(X[0] * X[0] + Math.Cos(X[1]), g[0, 1], 1e-8);      // 9 + cos 2
    }

    [Fact]
    public void A_func_over_arrays_gives_the_closed_form_hessian()
    {
        Func<double[], double> f = F;
        var h = Differentiate.Hessian(f, X);
        Assert.Equal(DerivativeStatus.Ok, h.Status);
        double[,] expected = { { 2 * X[1], 2 * X[0] }, { 2 * X[0], -Math.Sin(X[1]) } };
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 2; j++)
                Assert.Equal(expected[i, j], h[i, j], 1e-6);
    }

    [Fact]
    public void A_func_over_arrays_takes_options_like_the_span_function()
    {
        Func<double[], double> f = F;
        var adaptive = new DifferentiationOptions { Adaptive = true };
        var g = Differentiate.Gradient(f, X, adaptive);
        Assert.NotNull(g.Errors);
        Assert.Equal(2 * X[0] * X[1], g.Values[0], 1e-11);
        Assert.Equal(X[0] * X[0] + Math.Cos(X[1]), g.Values[1], 1e-11);
    }

    [Fact]
    public void Each_evaluation_gets_its_own_array_which_f_may_keep_and_change()
    {
        var kept = new List<double[]>();
        Func<double[], double> f = p =>
        {
            var value = F(p);
            kept.Add(p);
            p[0] = double.NaN;   // scribbling on its array must not reach the next evaluation
            return value;
        };
        var g = Differentiate.Gradient(f, X);
        Assert.Equal(g.Evaluations, kept.Count);
        Assert.Equal(kept.Count, kept.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(2 * X[0] * X[1], g[0, 0], 1e-8);
        Assert.Equal([3.0, 2.0], X);
    }

    [Fact]
    public void A_lambda_that_suits_spans_and_arrays_runs_on_spans()
    {
        // The span overload allocates nothing per evaluation; the array one would copy every point.
        var seen = "";
        var g = Differentiate.Gradient(p => { seen = Kind(p); return p[0] * p[1]; }, X);
        Assert.Equal("span", seen);
        Assert.Equal(X[1], g[0, 0], 1e-9);
        var h = Differentiate.Hessian(p => { seen = Kind(p); return p[0] * p[1]; }, X);
        Assert.Equal("span", seen);
        Assert.Equal(1.0, h[0, 1], 1e-6);
    }

    [Fact]
    public void A_lambda_typed_over_arrays_runs_on_arrays()
    {
        var g = Differentiate.Gradient((double[] p) => p.Sum(v => v * v), X);
        Assert.Equal(2 * X[0], g[0, 0], 1e-8);
        Assert.Equal(2 * X[1], g[0, 1], 1e-8);
    }

    [Fact]
    public void A_null_func_is_refused_by_name()
    {
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Differentiate.Gradient((Func<double[], double>)null!, X)).ParamName);
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Differentiate.Hessian((Func<double[], double>)null!, X)).ParamName);
    }

    [Fact]
    public void A_func_of_one_variable_gives_the_closed_form_derivative()
    {
        Func<double, double> sin = Math.Sin;
        Assert.Equal(Math.Cos(1.0), Differentiate.Derivative(sin, 1.0).Value, 1e-12);
        Assert.Equal(Math.Cos(1.0), Differentiate.Derivative(x => Math.Sin(x), 1.0).Value, 1e-12);
    }

    private static string Kind(ReadOnlySpan<double> _) => "span";

    private static string Kind(double[] _) => "array";
}

using System.Reflection;

namespace DiffNative.Tests.Api;

/// <summary>Error estimates are an optional argument of each span operation, named after the
/// options; giving them implies the adaptive method. f = x₀²x₁ + sin x₁ at (3, 2) has closed-form
/// derivatives: ∇f = (2x₀x₁, x₀² + cos x₁), diag H = (2x₁, −sin x₁), H·v below.</summary>
public class ErrorsArgumentTests
{
    private static readonly double[] X = [3.0, 2.0];
    private static readonly double[] V = [0.5, -1.0];

    private static double F(ReadOnlySpan<double> p) => p[0] * p[0] * p[1] + Math.Sin(p[1]);

    private static BatchScalarFunction Batch => (points, n, values) =>
    {
        for (var r = 0; r < values.Length; r++) values[r] = F(points.Slice(r * n, n));
    };

    private static readonly double[] Gradient = [2 * 3.0 * 2.0, 9 + Math.Cos(2.0)];
    private static readonly double[] Diagonal = [2 * 2.0, -Math.Sin(2.0)];
    // H = [[2x₁, 2x₀], [2x₀, −sin x₁]] times v.
    private static readonly double[] Product = [4 * 0.5 + 6 * -1.0, 6 * 0.5 - Math.Sin(2.0) * -1.0];

    private static readonly DifferentiationOptions Fixed = new() { Accuracy = 4 };

    [Fact]
    public void Errors_after_the_options_make_the_call_adaptive_with_estimates()
    {
        // Options that are not adaptive, errors named after them: each entry is within its
        // estimate of the closed form, which fixed steps of accuracy 4 would not give so tightly.
        double[] g = new double[2], d = new double[2], hv = new double[2];
        double[] ge = new double[2], de = new double[2], hve = new double[2];
        Differentiate.Gradient(F, X, g, Fixed, errors: ge);
        Differentiate.HessianDiagonal(F, X, d, Fixed, errors: de);
        Differentiate.HessianVectorProduct(F, X, V, hv, Fixed, errors: hve);
        AssertWithinEstimates(Gradient, g, ge);
        AssertWithinEstimates(Diagonal, d, de);
        AssertWithinEstimates(Product, hv, hve);
    }

    [Fact]
    public void Batch_functions_take_errors_the_same_way()
    {
        double[] g = new double[2], d = new double[2], hv = new double[2];
        double[] ge = new double[2], de = new double[2], hve = new double[2];
        Differentiate.Gradient(Batch, X, g, Fixed, errors: ge);
        Differentiate.HessianDiagonal(Batch, X, d, Fixed, errors: de);
        Differentiate.HessianVectorProduct(Batch, X, V, hv, Fixed, errors: hve);
        AssertWithinEstimates(Gradient, g, ge);
        AssertWithinEstimates(Diagonal, d, de);
        AssertWithinEstimates(Product, hv, hve);
    }

    [Fact]
    public void A_sparse_hessian_takes_errors_after_the_options()
    {
        var pattern = SparsityPattern.FromEntries(2, 2, [(0, 1)]).Symmetrized();
        double[] values = new double[pattern.NonZeros], errors = new double[pattern.NonZeros];
        Differentiate.SparseHessian(F, pattern, X, values, Fixed, errors: errors);
        double[] dense = [2 * 2.0, 2 * 3.0, 2 * 3.0, -Math.Sin(2.0)];
        AssertWithinEstimates(dense, values, errors);
        Differentiate.SparseHessian(Batch, pattern, X, values, Fixed, errors: errors);
        AssertWithinEstimates(dense, values, errors);
    }

    [Fact]
    public void Errors_left_out_leave_the_options_as_they_are()
    {
        // The same bits as a call that never heard of errors: fixed steps, not adaptive.
        double[] plain = new double[2], empty = new double[2];
        Differentiate.Gradient(F, X, plain, Fixed);
        Differentiate.Gradient(F, X, empty, Fixed, errors: Span<double>.Empty);
        Assert.Equal(plain, empty);
        var adaptive = new double[2];
        Differentiate.Gradient(F, X, adaptive, Fixed, errors: new double[2]);
        Assert.NotEqual(plain, adaptive);
    }

    [Fact]
    public void Short_errors_are_refused_by_name()
    {
        var pattern = SparsityPattern.FromEntries(2, 2, [(0, 1)]).Symmetrized();
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Differentiate.Gradient(F, X, new double[2], errors: new double[1])).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Differentiate.HessianDiagonal(Batch, X, new double[2], errors: new double[1])).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Differentiate.HessianVectorProduct(F, X, V, new double[2], errors: new double[1])).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessian(F, pattern, X, new double[4], errors: new double[3])).ParamName);
    }

#pragma warning disable CS0618 // the obsolete overloads are what these calls are about
    [Fact]
    public void Errors_passed_by_position_still_work_with_the_same_bits()
    {
        double[] named = new double[2], namedErrors = new double[2], positional = new double[2], positionalErrors = new double[2];
        Differentiate.Gradient(F, X, named, Fixed, errors: namedErrors);
        Differentiate.Gradient(F, X, positional, positionalErrors, Fixed);
        Assert.Equal(named, positional);
        Assert.Equal(namedErrors, positionalErrors);
        Differentiate.HessianVectorProduct(Batch, X, V, named, Fixed, errors: namedErrors);
        Differentiate.HessianVectorProduct(Batch, X, V, positional, positionalErrors, Fixed);
        Assert.Equal(named, positional);
        Assert.Equal(namedErrors, positionalErrors);
    }

    [Fact]
    public void Empty_errors_passed_by_position_are_still_refused()
    {
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Differentiate.Gradient(F, X, new double[2], Span<double>.Empty)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Differentiate.HessianDiagonal(F, X, new double[2], Span<double>.Empty)).ParamName);
    }
#pragma warning restore CS0618

    [Fact]
    public void Each_span_operation_has_one_current_overload_per_function_type()
    {
        // Errors and batch are not separate methods: a second current overload with the same
        // function type would be one of the twins this surface was folded from.
        var current = typeof(Differentiate).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<ObsoleteAttribute>() is null)
            .Where(m => m.ReturnType == typeof(DifferentiationInfo));
        var twins = current.GroupBy(m => (m.Name, m.GetParameters()[0].ParameterType)).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Name}({g.Key.ParameterType.Name}) ×{g.Count()}").ToArray();
        Assert.Empty(twins);
    }

    private static void AssertWithinEstimates(double[] expected, double[] actual, double[] errors)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(errors[i] > 0 && double.IsFinite(errors[i]), $"entry {i}: estimate {errors[i]}");
            Assert.True(Math.Abs(actual[i] - expected[i]) <= errors[i], $"entry {i}: {actual[i]:R} vs {expected[i]:R}, estimate {errors[i]:E2}");
        }
    }
}

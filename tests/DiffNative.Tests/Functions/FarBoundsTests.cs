using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>Bounds far from x leave every stencil and every step as they are without bounds, so
/// the results must have the unbounded call's bits: a bound is a restriction near it, not a
/// different method everywhere.</summary>
public class FarBoundsTests
{
    private static readonly double[] X = [-1.2, 1.0, -0.7, 0.4, 2.5, -3.1];

    private static DifferentiationOptions Far(DifferentiationOptions options) => options with
    {
        LowerBounds = X.Select(v => v - 1e3).ToArray(),
        UpperBounds = X.Select(v => v + 1e3).ToArray(),
    };

    private static double[] Diagonal(ScalarFunction f, DifferentiationOptions options)
    {
        var diagonal = new double[X.Length];
        Differentiate.HessianDiagonal(f, X, diagonal, options);
        return diagonal;
    }

    public static TheoryData<Backend, int> BackendsAndAccuracies()
    {
        var data = new TheoryData<Backend, int>();
        foreach (var backend in new[] { Backend.Managed, Backend.Native })
            foreach (var accuracy in new[] { 2, 4, 6, 8 })
                data.Add(backend, accuracy);
        return data;
    }

    [Theory]
    [MemberData(nameof(BackendsAndAccuracies))]
    public void Far_bounds_change_no_fixed_step_result(Backend backend, int accuracy)
    {
        ScalarFunction f = MghProblems.ExtendedRosenbrock;
        ScalarFunction g = p => Math.Exp(0.3 * p[0]) * Math.Sin(p[1]) + p[2] * p[3] * p[4] - Math.Log(4 + p[5] * p[5]);
        var plain = new DifferentiationOptions { Backend = backend, Accuracy = accuracy };
        foreach (var (name, fn) in new[] { ("Rosenbrock", f), ("mixed", g) })
        {
            var context = $"{name}, {backend}, accuracy {accuracy}";
            Bits.AssertIdentical(Differentiate.Gradient(fn, X, plain).Values, Differentiate.Gradient(fn, X, Far(plain)).Values, $"gradient, {context}");
            Bits.AssertIdentical(Diagonal(fn, plain), Diagonal(fn, Far(plain)),
                $"Hessian diagonal, {context}");
            Bits.AssertIdentical(Differentiate.Hessian(fn, X, options: plain).Values, Differentiate.Hessian(fn, X, options: Far(plain)).Values, $"Hessian, {context}");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Far_bounds_change_no_adaptive_result(Backend backend)
    {
        ScalarFunction f = MghProblems.ExtendedRosenbrock;
        var plain = new DifferentiationOptions { Backend = backend, Adaptive = true };
        Bits.AssertIdentical(Differentiate.Gradient(f, X, plain).Values, Differentiate.Gradient(f, X, Far(plain)).Values, $"gradient, {backend}");
        Bits.AssertIdentical(Diagonal(f, plain), Diagonal(f, Far(plain)),
            $"Hessian diagonal, {backend}");
        Bits.AssertIdentical(Differentiate.Hessian(f, X, options: plain).Values, Differentiate.Hessian(f, X, options: Far(plain)).Values, $"Hessian, {backend}");
    }
}

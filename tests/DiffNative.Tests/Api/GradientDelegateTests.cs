using System.Reflection;

namespace DiffNative.Tests.Api;

/// <summary>One delegate for a hand-written gradient: the one <see cref="GradientCheck"/> checks is
/// the one <see cref="Objective"/> minimises with, so a checked gradient needs no conversion.</summary>
public class GradientDelegateTests
{
    [Fact]
    public void A_checked_gradient_is_the_objective_gradient()
    {
        // f = (x₀ − 1)² + 4(x₁ + 2)²: minimum at (1, −2).
        ScalarFunction f = p => (p[0] - 1) * (p[0] - 1) + 4 * (p[1] + 2) * (p[1] + 2);
        AnalyticGradient gradient = (p, g) => { g[0] = 2 * (p[0] - 1); g[1] = 8 * (p[1] + 2); };
        Assert.True(GradientCheck.Gradient(f, gradient, [0.3, 0.7]).Passed);
        var result = Optimize.Minimize(new Objective(f) { Gradient = gradient }, [0.3, 0.7]);
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(1.0, result.X[0], 1e-6);
        Assert.Equal(-2.0, result.X[1], 1e-6);
    }

    [Fact]
    public void The_library_has_one_gradient_delegate()
    {
        var gradientShaped = typeof(Differentiate).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(Delegate)))
            .Where(t => t.GetMethod("Invoke")!.GetParameters() is [{ } a, { } b]
                && a.ParameterType == typeof(ReadOnlySpan<double>) && b.ParameterType == typeof(Span<double>) && b.Name == "gradient")
            .Select(t => t.Name).ToArray();
        Assert.Equal([nameof(AnalyticGradient)], gradientShaped);
        Assert.Equal(typeof(AnalyticGradient), typeof(Objective).GetProperty(nameof(Objective.Gradient))!.PropertyType);
    }
}

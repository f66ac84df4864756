using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>The directional derivative runs the scalar engine on t ↦ f(x + t·v) without a closure
/// or copies of x and v: the same bits as that line written out as a delegate, 0 B per call,
/// and the closed-form ∇f·v on either side of the stack limit.</summary>
public class DirectionalDerivativeTests
{
    private static readonly ScalarFunction Rosenbrock = MghProblems.ExtendedRosenbrock;

    private static readonly DerivativeOptions[] Methods =
    [
        DerivativeOptions.Default,
        new() { Method = DerivativeMethod.Central },
        new() { Method = DerivativeMethod.Forward, Accuracy = 3 },
        new() { Method = DerivativeMethod.Central, CheckDifferentiability = false },
        new() { Method = DerivativeMethod.Adaptive, CheckDifferentiability = false },
        new() { Method = DerivativeMethod.Central, Step = 1e-4 },
        new() { Method = DerivativeMethod.Central, Order = 2, Accuracy = 4 },
        new() { Order = 2, Accuracy = 4 },
    ];

    public static TheoryData<int> Sizes => new() { 6, 1024, 1026, 3000 };

    private static double[] Direction(int n) => Enumerable.Range(0, n).Select(i => ((i * 7) % 5 - 2) * 0.25 + 0.1).ToArray();

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Gives_the_bits_of_the_line_written_as_a_delegate(int n)
    {
        var x = MghProblems.StandardStart(n);
        var v = Direction(n);
        // The definition, spelled out: the derivative of t ↦ f(x + t·v) at 0 with steps scaled
        // by the smallest max(|xᵢ|, 1)/|vᵢ|, so that no coordinate moves beyond its own scale.
        var scale = Enumerable.Range(0, n).Where(i => v[i] != 0).Min(i => Math.Max(1, Math.Abs(x[i])) / Math.Abs(v[i]));
        var point = new double[n];
        double Line(double t)
        {
            for (var i = 0; i < n; i++) point[i] = x[i] + t * v[i];
            return Rosenbrock(point);
        }
        foreach (var options in Methods)
        {
            var expected = Differentiate.Derivative(Line, 0.0, options with { TypicalScale = scale });
            var actual = Differentiate.DirectionalDerivative(Rosenbrock, x, v, options);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Matches_the_closed_form_gradient_along_v(int n)
    {
        var x = MghProblems.StandardStart(n);
        var v = Direction(n);
        var expected = MghProblems.ExtendedRosenbrockGradient(x).Zip(v, (g, d) => g * d).Sum();
        var scaleOfTerms = MghProblems.ExtendedRosenbrockGradient(x).Zip(v, (g, d) => Math.Abs(g * d)).Sum();
        var central = Differentiate.DirectionalDerivative(Rosenbrock, x, v, Methods[1]);
        Assert.True(Math.Abs(central.Value - expected) <= 1e-8 * scaleOfTerms, $"central {central.Value} vs {expected}");
        var adaptive = Differentiate.DirectionalDerivative(Rosenbrock, x, v);
        Assert.True(Math.Abs(adaptive.Value - expected) <= 1e-11 * scaleOfTerms, $"adaptive {adaptive.Value} vs {expected}");
        Assert.True(Math.Abs(adaptive.Value - expected) <= adaptive.Error!.Value + 1e-13 * scaleOfTerms, "the estimate covers the error");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Allocates_nothing_in_steady_state(int n)
    {
        var x = MghProblems.StandardStart(n);
        var v = Direction(n);
        foreach (var options in Methods)
            Assert.Equal(0, Allocations.SteadyState(() => Differentiate.DirectionalDerivative(Rosenbrock, x, v, options)));
    }

    [Fact]
    public void A_subnormal_direction_scales_the_steps_instead_of_failing()
    {
        // max(|x|, 1)/max|v| overflows: the steps' scale is then the largest double, and the
        // result is still ∇f·v (a subnormal itself, so only roughly).
        var x = MghProblems.StandardStart(4);
        double[] v = [1e-320, 0, -1e-320, 0];
        var expected = MghProblems.ExtendedRosenbrockGradient(x).Zip(v, (g, d) => g * d).Sum();
        var r = Differentiate.DirectionalDerivative(Rosenbrock, x, v);
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(Math.Abs(r.Value - expected) <= 1e-2 * Math.Abs(expected), $"{r.Value} vs {expected}");
    }
}

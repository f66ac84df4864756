using System.Numerics;

namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>The gradient-check cases every element type must pass, run once per derived class on
/// that type's own layer classes (for double, the non-generic ones) with its checker options: the
/// dense and activation layers' backward passes agree with finite differences of their forward
/// passes, a deeper network passes the directional check, and the check restores the parameters.</summary>
public abstract class LayerGradientCheckTestsBase<T> where T : struct, IFloatingPointIeee754<T>
{
    protected const int Rows = 3;

    public static TheoryData<ActivationKind> Kinds => new(Enum.GetValues<ActivationKind>());

    /// <summary>x ↦ y, as the element type's <see cref="GradientCheck"/> overload takes it.</summary>
    protected delegate void Pass(ReadOnlySpan<T> x, Span<T> y);

    /// <summary>(x, upstream) ↦ gradient, as the element type's <see cref="GradientCheck"/> overload takes it.</summary>
    protected delegate void BackwardPass(ReadOnlySpan<T> x, ReadOnlySpan<T> upstream, Span<T> gradient);

    /// <summary><see cref="GradientCheck"/>.Backward for T, with its default options.</summary>
    protected abstract GradientCheckReport CheckBackward(Pass forward, int outputs, BackwardPass backward, T[] x);

    /// <summary>The checker's options for T: float-sized steps and tolerances for float.</summary>
    protected static GradientCheckOptions Options => typeof(T) == typeof(float) ? GradientCheckOptions.Float : GradientCheckOptions.Default;

    protected abstract Layer<T> Dense(int inputs, int outputs, WeightInitialization initialization = WeightInitialization.Xavier);

    protected abstract Layer<T> Activate(Activation activation, int size);

    protected abstract Sequential<T> Network(params Layer<T>[] layers);

    /// <summary>Magnitudes in [0.2, 1.5], away from 0, where ReLU and leaky ReLU have their kink and
    /// a central difference straddling it would be wrong, not the backward pass.</summary>
    protected static T[] Inputs(int count, int seed)
    {
        var random = new Random(seed);
        var x = new T[count];
        for (var i = 0; i < count; i++) x[i] = T.CreateTruncating((random.NextDouble() < 0.5 ? -1 : 1) * (0.2 + 1.3 * random.NextDouble()));
        return x;
    }

    protected static T[] OneHot(int rows, int classes)
    {
        var y = new T[rows * classes];
        for (var r = 0; r < rows; r++) y[r * classes + (r * 2 + 1) % classes] = T.One;
        return y;
    }

    /// <summary>What a transposed weight gradient in layer 0 (3×3, named <paramref name="layer"/>)
    /// must look like: wrong exactly off the diagonal of its weights, and named so.</summary>
    protected static void AssertTransposedWeightsCaught(Sequential<T> network, GradientCheckReport report, string layer)
    {
        Assert.False(report.Passed);
        Assert.Equal(6, report.Failures);
        var named = report.Worst.Select(e => network.DescribeParameter(e.Column)).ToList();
        Assert.All(named, name => Assert.StartsWith($"layer 0 ({layer} 3→3) weight[", name));
        Assert.All(report.Worst, e => Assert.NotEqual(e.Column / 3, e.Column % 3));
    }

    /// <summary>The network's backward pass, checked in full for the parameters and the inputs.</summary>
    protected static void AssertBackpropagatesToParametersAndInputs(Sequential<T> network, T[] x, T[] y)
    {
        var parameters = NetworkGradientCheck.Parameters(network, x, y);
        Assert.True(parameters.Passed, parameters.ToString());
        Assert.Equal(network.ParameterCount, parameters.Checked);
        var inputs = NetworkGradientCheck.Inputs(network, x, y);
        Assert.True(inputs.Passed, inputs.ToString());
    }

    [Fact]
    public void Dense_input_gradient_matches_finite_differences()
    {
        var layer = Dense(4, 3);
        var theta = Inputs(layer.ParameterCount, 1);
        var report = CheckBackward(
            (x, y) => layer.Forward(theta, x, y, Rows), Rows * 3,
            (x, g, dx) => layer.Backward(theta, x, g, dx, new T[layer.ParameterCount], Rows),
            Inputs(Rows * 4, 2));
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(Rows * 3 * Rows * 4, report.Checked);
    }

    [Fact]
    public void Dense_parameter_gradient_matches_finite_differences()
    {
        var layer = Dense(4, 3);
        var x = Inputs(Rows * 4, 3);
        var report = CheckBackward(
            (theta, y) => layer.Forward(theta, x, y, Rows), Rows * 3,
            (theta, g, dtheta) => layer.Backward(theta, x, g, default, dtheta, Rows),
            Inputs(layer.ParameterCount, 4));
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(Rows * 3 * layer.ParameterCount, report.Checked);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Activation_layer_backward_matches_finite_differences(ActivationKind kind)
    {
        var layer = Activate(new Activation(kind, 0.1), 5);
        var report = CheckBackward(
            (x, y) => layer.Forward([], x, y, Rows), Rows * 5,
            (x, g, dx) => layer.Backward([], x, g, dx, [], Rows),
            Inputs(Rows * 5, 5));
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void A_deeper_network_passes_the_fast_directional_check()
    {
        var network = Network(
            Dense(4, 16, WeightInitialization.He), Activate(Activation.Elu(), 16),
            Dense(16, 8), Activate(Activation.Tanh, 8),
            Dense(8, 3));
        network.Initialize(new Random(9));
        var report = NetworkGradientCheck.Parameters(network, Inputs(5 * 4, 10), OneHot(5, 3),
            Options with { Directions = 8 });
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void The_check_leaves_the_parameters_as_it_found_them()
    {
        var network = Network(Dense(4, 3));
        network.Initialize(new Random(11));
        var before = network.Parameters.ToArray();
        NetworkGradientCheck.Parameters(network, Inputs(Rows * 4, 12), OneHot(Rows, 3));
        Assert.Equal(before, network.Parameters.ToArray());
    }
}

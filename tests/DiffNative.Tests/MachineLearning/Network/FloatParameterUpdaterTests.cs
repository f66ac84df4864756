namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>The float updaters follow the documented formulas on float parameters (the double
/// rule, each parameter rounded once to float per step) and refuse wrong lengths.</summary>
public class FloatParameterUpdaterTests
{
    [Fact]
    public void Float_sgd_moves_against_the_gradient_by_the_learning_rate()
    {
        float[] theta = [1, -2];
        ParameterUpdater.Sgd<float>(2, 0.1).Step(theta, [0.5f, -1]);
        Assert.Equal([(float)(1 - 0.1 * 0.5), (float)(-2 + 0.1)], theta);
    }

    [Fact]
    public void Float_momentum_accumulates_velocity_in_PyTorchs_form()
    {
        float[] theta = [0];
        var sgd = ParameterUpdater.Sgd<float>(1, 0.1, momentum: 0.9);
        sgd.Step(theta, [1]); // v = 1, θ = −0.1
        sgd.Step(theta, [1]); // v = 1.9, θ = −0.29
        Assert.Equal(-0.29f, theta[0], 1e-6f);
    }

    [Fact]
    public void Float_Adams_first_step_is_the_learning_rate_times_the_gradients_sign()
    {
        // m̂ = g and v̂ = g² after one step, so the step is η·g/(|g| + ε).
        float[] theta = [0, 0];
        ParameterUpdater.Adam<float>(2, 1e-2).Step(theta, [3, -0.5f]);
        Assert.Equal(-1e-2f, theta[0], 1e-7f);
        Assert.Equal(1e-2f, theta[1], 1e-7f);
    }

    [Fact]
    public void A_float_update_below_half_an_ulp_leaves_the_parameter_where_it_is()
    {
        // 1 − 1e-9 rounds back to 1f: float parameters move only by representable amounts.
        float[] theta = [1];
        ParameterUpdater.Sgd<float>(1, 1e-9).Step(theta, [1]);
        Assert.Equal(1f, theta[0]);
    }

    [Fact]
    public void The_double_updater_is_the_double_method_itself()
    {
        Assert.IsAssignableFrom<IParameterUpdater>(ParameterUpdater.Adam<double>(3));
        Assert.Equal(3, ParameterUpdater.Create<float>(new OptimizerOptions { Method = OptimizationMethod.RmsProp, LearningRate = 1e-3 }, 3).Count);
    }

    [Fact]
    public void Float_updaters_refuse_wrong_lengths_and_other_element_types()
    {
        var adam = ParameterUpdater.Adam<float>(2);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => adam.Step(new float[3], new float[2])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => adam.Step(new float[2], new float[1])).ParamName);
        Assert.Throws<NotSupportedException>(() => ParameterUpdater.Sgd<Half>(2, 0.1));
    }
}

namespace DiffNative.Tests.Optimization;

/// <summary>Every bad starting point or option is an ArgumentException naming the parameter or
/// property, raised before f is called.</summary>
public class BadInputTests
{
    private static readonly double[] Start = [1.0, 2.0];

    public static TheoryData<string, OptimizerOptions> BadOptions() => new()
    {
        { "LearningRate", new OptimizerOptions { Method = OptimizationMethod.GradientDescent, LearningRate = 0 } },
        { "LearningRate", new OptimizerOptions { Method = OptimizationMethod.Adam, LearningRate = -1e-3 } },
        { "LearningRate", new OptimizerOptions { LearningRate = double.NaN } },
        { "LearningRate", new OptimizerOptions { LearningRate = double.PositiveInfinity } },
        { "Momentum", new OptimizerOptions { Momentum = 1 } },
        { "Momentum", new OptimizerOptions { Momentum = -0.1 } },
        { "Beta1", new OptimizerOptions { Beta1 = 1 } },
        { "Beta2", new OptimizerOptions { Beta2 = double.NaN } },
        { "DecayRate", new OptimizerOptions { DecayRate = 1.5 } },
        { "Epsilon", new OptimizerOptions { Epsilon = 0 } },
        { "WeightDecay", new OptimizerOptions { WeightDecay = -0.01 } },
        { "Memory", new OptimizerOptions { Memory = 0 } },
        { "ArmijoParameter", new OptimizerOptions { ArmijoParameter = 0 } },
        { "ArmijoParameter", new OptimizerOptions { ArmijoParameter = 1 } },
        { "CurvatureParameter", new OptimizerOptions { ArmijoParameter = 0.5, CurvatureParameter = 0.4 } },
        { "CurvatureParameter", new OptimizerOptions { CurvatureParameter = 1 } },
        { "GradientTolerance", new OptimizerOptions { GradientTolerance = -1e-6 } },
        { "GradientTolerance", new OptimizerOptions { GradientTolerance = double.NaN } },
        { "FunctionTolerance", new OptimizerOptions { FunctionTolerance = -1 } },
        { "StepTolerance", new OptimizerOptions { StepTolerance = double.PositiveInfinity } },
        { "MaxIterations", new OptimizerOptions { MaxIterations = 0 } },
        { "MaxEvaluations", new OptimizerOptions { MaxEvaluations = -5 } },
        { "Method", new OptimizerOptions { Method = (OptimizationMethod)99 } },
        { "LineSearch", new OptimizerOptions { LineSearch = (LineSearchMethod)99 } },
        { "LineSearch", new OptimizerOptions { Method = OptimizationMethod.Bfgs, LineSearch = LineSearchMethod.None } },
        { "LineSearch", new OptimizerOptions { Method = OptimizationMethod.Newton, LineSearch = LineSearchMethod.None } },
        { "LineSearch", new OptimizerOptions { Method = OptimizationMethod.Lbfgs, LineSearch = LineSearchMethod.Backtracking } },
        { "LineSearch", new OptimizerOptions { Method = OptimizationMethod.Adam, LineSearch = LineSearchMethod.StrongWolfe } },
        { "Differentiation", new OptimizerOptions { Differentiation = new DifferentiationOptions { LowerBounds = new[] { 0.0, 0.0 } } } },
        { "Steps", new OptimizerOptions { Differentiation = new DifferentiationOptions { Steps = new[] { 1e-3 } } } },
        { "BatchSize", new OptimizerOptions { Differentiation = new DifferentiationOptions { BatchSize = 0 } } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_names_itself(string property, OptimizerOptions options)
    {
        var calls = 0;
        var e = Assert.ThrowsAny<ArgumentException>(() => Optimize.Minimize(x => { calls++; return x[0] * x[0]; }, Start, options));
        Assert.Equal(property, e.ParamName);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_start_that_is_not_finite_is_rejected(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => Optimize.Minimize(x => x[0], [1.0, bad]));
        Assert.Equal("x0", e.ParamName);
        Assert.Contains("x0[1]", e.Message);
    }

    [Fact]
    public void An_empty_start_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Optimize.Minimize(x => 0, ReadOnlySpan<double>.Empty));
        Assert.Equal("x0", e.ParamName);
    }

    [Fact]
    public void A_start_of_the_wrong_dimension_is_rejected()
    {
        var objective = new Objective(x => x[0] + x[1] + x[2]) { Dimension = 3 };
        var e = Assert.Throws<ArgumentException>(() => Optimize.Minimize(objective, Start));
        Assert.Equal("x0", e.ParamName);
        Assert.Contains("3", e.Message);
    }

    [Fact]
    public void Null_functions_are_rejected()
    {
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Optimize.Minimize((ScalarFunction)null!, Start)).ParamName);
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => Optimize.Minimize((Objective)null!, Start)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new Objective(null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => Objective.FromBatch(null!)).ParamName);
    }

    [Fact]
    public void An_exception_from_f_reaches_the_caller()
    {
        Assert.Throws<DivideByZeroException>(() => Optimize.Minimize(_ => throw new DivideByZeroException(), Start));
    }
}

namespace DiffNative.Tests.Optimization;

/// <summary>The line searches return steps that satisfy their conditions, whether the first trial
/// step is far too short or far too long.</summary>
public class LineSearchTests
{
    // φ along d = (1): f(x) = (x − 3)² + sin(3x), minimised from x = 0 where φ′(0) = −6 + 3 < 0.
    private static readonly Objective Wavy = new(x => (x[0] - 3) * (x[0] - 3) + Math.Sin(3 * x[0]))
    {
        Gradient = (x, g) => g[0] = 2 * (x[0] - 3) + 3 * Math.Cos(3 * x[0]),
    };

    private static (IterationState State, double F0, double Slope0) Start()
    {
        var state = new IterationState(1);
        state.X[0] = 0;
        state.Value = Wavy.Value([0.0]);
        Wavy.Gradient!([0.0], state.Gradient);
        return (state, state.Value, state.Gradient[0]);
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(0.1)]
    [InlineData(1)]
    [InlineData(100)]
    public void Strong_wolfe_steps_meet_both_conditions(double initialStep)
    {
        const double c1 = 1e-4, c2 = 0.9;
        var (state, f0, slope0) = Start();
        var search = new StrongWolfeLineSearch(1, c1, c2);
        var outcome = search.Search(state, [1.0], initialStep, new ObjectiveEvaluator(Wavy, DifferentiationOptions.Default, default), out var alpha);
        Assert.Equal(StepOutcome.Moved, outcome);
        Assert.True(state.Value <= f0 + c1 * alpha * slope0, "Armijo");
        Assert.True(Math.Abs(state.Gradient[0]) <= c2 * Math.Abs(slope0), "curvature");
        Assert.Equal(alpha, state.X[0]);
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1)]
    [InlineData(100)]
    public void Backtracking_steps_meet_the_armijo_condition(double initialStep)
    {
        const double c1 = 1e-4;
        var (state, f0, slope0) = Start();
        var search = new BacktrackingLineSearch(1, c1);
        var outcome = search.Search(state, [1.0], initialStep, new ObjectiveEvaluator(Wavy, DifferentiationOptions.Default, default), out var alpha);
        Assert.Equal(StepOutcome.Moved, outcome);
        Assert.True(alpha <= initialStep);
        Assert.True(state.Value <= f0 + c1 * alpha * slope0, "Armijo");
    }

    [Fact]
    public void An_uphill_direction_is_refused_without_evaluating_f()
    {
        var (state, _, _) = Start();
        var evaluator = new ObjectiveEvaluator(Wavy, DifferentiationOptions.Default, default);
        Assert.Equal(StepOutcome.LineSearchFailed, new StrongWolfeLineSearch(1, 1e-4, 0.9).Search(state, [-1.0], 1, evaluator, out _));
        Assert.Equal(StepOutcome.LineSearchFailed, new BacktrackingLineSearch(1, 1e-4).Search(state, [-1.0], 1, evaluator, out _));
        Assert.Equal(0, evaluator.FunctionEvaluations);
        Assert.Equal(0.0, state.X[0]);
    }
}

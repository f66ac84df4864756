using DiffNative.Tests.Runtime;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>Faults in the objective halfway through a minimisation on numerical derivatives: a
/// throw reaches the caller as the same object, a cancelled token ends the run with
/// <see cref="StopReason.Cancelled"/> (as <see cref="Optimize.Minimize(ScalarFunction, ReadOnlySpan{double}, OptimizerOptions?, CancellationToken)"/>
/// documents), NaN ends it with <see cref="StopReason.NonFiniteValue"/> at a finite iterate, and
/// no workspace stays rented. Global-state collection: the pool's count is process-wide.</summary>
[Collection(GlobalStateCollection.Name)]
public class OptimizerFaultTests
{
    private sealed class UserFault : Exception;

    private static readonly OptimizationMethod[] Methods = [OptimizationMethod.Bfgs, OptimizationMethod.Newton, OptimizationMethod.TrustRegionNewton];
    private static readonly EvaluationMode[] Modes = [EvaluationMode.Sequential, EvaluationMode.Parallel, EvaluationMode.Batch];

    public static IEnumerable<object[]> Cases() =>
        from method in Methods
        from mode in Modes
        from backend in new[] { "managed", "native" }
        from fault in Enum.GetValues<Fault>()
        select new object[] { method, mode, backend, fault };

    private static OptimizationResult Minimize(FaultyFunction f, OptimizationMethod method, EvaluationMode mode, string backend, CancellationToken token)
    {
        var objective = mode == EvaluationMode.Batch ? Objective.FromBatch(f.AsBatchScalar) : new Objective(f.AsScalar);
        var options = new OptimizerOptions
        {
            Method = method,
            Differentiation = DerivativeCalls.Options(mode, DerivativeCalls.BackendNamed(backend)),
        };
        return Optimize.Minimize(objective, DerivativeCalls.Point, options, token);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_fault_halfway_through_a_minimisation_reaches_the_caller_and_every_workspace_returns_to_the_pool(
        OptimizationMethod method, EvaluationMode mode, string backend, Fault fault)
    {
        var clean = FaultyFunction.Clean();
        Assert.True(Minimize(clean, method, mode, backend, default).Converged);
        var at = clean.Calls / 2 + 1;
        var thrown = new UserFault();
        using var cancel = new CancellationTokenSource();
        var f = new FaultyFunction(fault, at, thrown, cancel, nanFromThenOn: true);
        var outstanding = Workspace.Outstanding;

        switch (fault)
        {
            case Fault.Throws:
                Assert.Same(thrown, Assert.Throws<UserFault>(() => Minimize(f, method, mode, backend, cancel.Token)));
                break;
            case Fault.CancelsToken:
                Assert.Equal(StopReason.Cancelled, Minimize(f, method, mode, backend, cancel.Token).Reason);
                break;
            case Fault.ReturnsNaN:
                var result = Minimize(f, method, mode, backend, cancel.Token);
                Assert.Equal(StopReason.NonFiniteValue, result.Reason);
                Assert.All(result.X, v => Assert.True(double.IsFinite(v)));
                Assert.True(double.IsFinite(result.Value));
                break;
        }
        Assert.True(f.Calls >= at, $"the fault at evaluation {at} was never reached ({f.Calls} evaluations)");
        Assert.Equal(outstanding, Workspace.Outstanding);
    }

    [Theory]
    [InlineData("managed")]
    [InlineData("native")]
    public void An_operation_canceled_exception_of_the_objectives_own_is_not_taken_for_the_callers_cancellation(string backend)
    {
        // The objective's own cancellation (say, of a request it forwards) is its fault, not a stop.
        var thrown = new OperationCanceledException("the objective's own token");
        using var cancel = new CancellationTokenSource();
        var clean = FaultyFunction.Clean();
        Minimize(clean, OptimizationMethod.Bfgs, EvaluationMode.Sequential, backend, default);
        var f = new FaultyFunction(Fault.Throws, clean.Calls / 2 + 1, thrown, cancel);
        Assert.Same(thrown, Assert.Throws<OperationCanceledException>(() => Minimize(f, OptimizationMethod.Bfgs, EvaluationMode.Sequential, backend, cancel.Token)));
    }

    // Sequential gradients of a plain delegate run on the stack; batch ones rent the pooled
    // workspace, so both are measured: the pool must come back clean from the faults too.
    [Theory]
    [InlineData("managed", EvaluationMode.Sequential)]
    [InlineData("native", EvaluationMode.Sequential)]
    [InlineData("managed", EvaluationMode.Batch)]
    [InlineData("native", EvaluationMode.Batch)]
    public void After_faulted_minimisations_the_gradient_they_take_allocates_nothing(string backend, EvaluationMode mode)
    {
        var call = DerivativeCalls.Named("gradient");
        var options = DerivativeCalls.Options(mode, DerivativeCalls.BackendNamed(backend));
        var output = new double[call.OutputLength];
        var clean = FaultyFunction.Clean();
        void FaultedMinimisations()
        {
            foreach (var fault in Enum.GetValues<Fault>())
            {
                using var cancel = new CancellationTokenSource();
                var f = new FaultyFunction(fault, 100, new UserFault(), cancel, nanFromThenOn: true);
                try { Minimize(f, OptimizationMethod.Bfgs, mode, backend, cancel.Token); }
                catch (UserFault) { }
            }
        }

        // The faulted minimisations run again before each measured gradient, so what they leave
        // behind is measured every time, not warmed away.
        Assert.Equal(0, Allocations.SteadyStateAfter(FaultedMinimisations, () => call.Run(clean, mode == EvaluationMode.Batch, output, options, default)));
    }
}

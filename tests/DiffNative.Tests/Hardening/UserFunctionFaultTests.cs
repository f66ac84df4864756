using DiffNative.Tests.Runtime;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>Faults in the user's function halfway through every differentiation, on the managed
/// and the native backend and in every evaluation mode: the caller gets the very exception object
/// the function threw, or an <see cref="OperationCanceledException"/>, or a NonFinite status;
/// every pooled workspace goes back to the pool; and a span call made afterwards still allocates
/// nothing. In the global-state collection because the pool's count is process-wide: a test
/// running beside it would move the count.</summary>
[Collection(GlobalStateCollection.Name)]
public class UserFunctionFaultTests
{
    private sealed class UserFault : Exception;

    private static readonly string[] BackendNames = ["managed", "native"];

    public static IEnumerable<object[]> Cases() =>
        from call in DerivativeCalls.All
        from mode in call.Modes
        from backend in BackendNames
        from fault in Enum.GetValues<Fault>()
        select new object[] { call.Name, mode, backend, fault };

    public static IEnumerable<object[]> CallsAndBackends() =>
        from call in DerivativeCalls.All
        from backend in BackendNames
        select new object[] { call.Name, backend };

    /// <summary>The evaluation halfway through a clean run of the same call.</summary>
    private static long Halfway(DerivativeCalls.Call call, EvaluationMode mode, DifferentiationOptions options)
    {
        var clean = FaultyFunction.Clean();
        Assert.Equal(DerivativeStatus.Ok, call.Run(clean, mode == EvaluationMode.Batch, new double[call.OutputLength], options, default));
        return clean.Calls / 2 + 1;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_fault_halfway_reaches_the_caller_as_itself_and_every_workspace_returns_to_the_pool(
        string operation, EvaluationMode mode, string backend, Fault fault)
    {
        var call = DerivativeCalls.Named(operation);
        var options = DerivativeCalls.Options(mode, DerivativeCalls.BackendNamed(backend));
        var at = Halfway(call, mode, options);
        var thrown = new UserFault();
        using var cancel = new CancellationTokenSource();
        var f = new FaultyFunction(fault, at, thrown, cancel);
        var output = new double[call.OutputLength];
        var outstanding = Workspace.Outstanding;

        Func<DerivativeStatus> run = () => call.Run(f, mode == EvaluationMode.Batch, output, options, cancel.Token);
        switch (fault)
        {
            case Fault.Throws:
                Assert.Same(thrown, Assert.Throws<UserFault>(() => run()));
                break;
            case Fault.CancelsToken:
                Assert.ThrowsAny<OperationCanceledException>(() => run());
                break;
            case Fault.ReturnsNaN:
                Assert.Equal(DerivativeStatus.NonFinite, run());
                break;
        }
        Assert.True(f.Calls >= at, $"the fault at evaluation {at} was never reached ({f.Calls} evaluations)");
        Assert.Equal(outstanding, Workspace.Outstanding);
    }

    public static IEnumerable<object[]> CallsModesAndBackends() =>
        from call in DerivativeCalls.All
        from mode in call.Modes
        from backend in BackendNames
        select new object[] { call.Name, mode, backend };

    /// <summary>A token that fires during the very last evaluation, after the loops' last look at
    /// it, still means the caller wants no result.</summary>
    [Theory]
    [MemberData(nameof(CallsModesAndBackends))]
    public void A_token_cancelled_in_the_last_evaluation_still_cancels(string operation, EvaluationMode mode, string backend)
    {
        var call = DerivativeCalls.Named(operation);
        var options = DerivativeCalls.Options(mode, DerivativeCalls.BackendNamed(backend));
        var clean = FaultyFunction.Clean();
        Assert.Equal(DerivativeStatus.Ok, call.Run(clean, mode == EvaluationMode.Batch, new double[call.OutputLength], options, default));
        using var cancel = new CancellationTokenSource();
        var f = new FaultyFunction(Fault.CancelsToken, clean.Calls, new InvalidOperationException("never thrown"), cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => call.Run(f, mode == EvaluationMode.Batch, new double[call.OutputLength], options, cancel.Token));
        Assert.Equal(clean.Calls, f.Calls);
    }

    [Theory]
    [MemberData(nameof(CallsAndBackends))]
    public void After_faults_in_every_mode_a_warm_span_call_allocates_nothing(string operation, string backend)
    {
        var call = DerivativeCalls.Named(operation);
        var b = DerivativeCalls.BackendNamed(backend);
        var sequential = DerivativeCalls.Options(EvaluationMode.Sequential, b);
        var output = new double[call.OutputLength];
        var clean = FaultyFunction.Clean();
        var hasBatch = call.Modes.Contains(EvaluationMode.Batch);
        void Faults()
        {
            foreach (var mode in call.Modes)
                foreach (var fault in Enum.GetValues<Fault>())
                {
                    var options = DerivativeCalls.Options(mode, b);
                    using var cancel = new CancellationTokenSource();
                    var f = new FaultyFunction(fault, Halfway(call, mode, options), new UserFault(), cancel);
                    try { call.Run(f, mode == EvaluationMode.Batch, output, options, cancel.Token); }
                    catch (UserFault) { }
                    catch (OperationCanceledException) { }
                }
        }

        void SpanCalls()
        {
            call.Run(clean, false, output, sequential, default);
            if (hasBatch) call.Run(clean, true, output, sequential, default);
        }

        // The warm-ups fill the pool, run static initialisers and tier the JIT; the faults run
        // again before each measured call, so what they leave behind is measured every time.
        Assert.Equal(0, Allocations.SteadyStateAfter(Faults, SpanCalls));
    }
}

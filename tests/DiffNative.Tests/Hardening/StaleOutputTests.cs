using DiffNative.Tests.Functions.Sparse;
using DiffNative.Tests.Runtime;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>A function that leaves part of its output span unwritten, after a good call of the same
/// operation: every entry that depends on the unwritten part is NaN and the status NonFinite, never
/// the earlier call's numbers (the buffers it writes into are pooled). In the global-state
/// collection so that nothing runs beside it: the second call gets the very workspace the first
/// one filled, which is where stale numbers would come from.</summary>
[Collection(GlobalStateCollection.Name)]
public class StaleOutputTests
{
    private const int N = DerivativeCalls.N;
    private static readonly double[] X = DerivativeCalls.Point;
    private static readonly double[] V = Enumerable.Range(0, N).Select(i => 1.0 - 0.1 * i).ToArray();
    private static readonly SparsityPattern Tridiagonal = SparsePatterns.Tridiagonal(N);
    private static readonly JacobianColoring JacobianColors = JacobianColoring.Compute(Tridiagonal);
    private static readonly HessianColoring HessianColors = HessianColoring.Compute(Tridiagonal);

    /// <summary>How the function is handed over and evaluated.</summary>
    public enum Form
    {
        /// <summary>A per-point vector function, one point after another.</summary>
        Sequential,
        /// <summary>A per-point vector function on several threads.</summary>
        Parallel,
        /// <summary>A batch function.</summary>
        Batch,
    }

    private delegate DerivativeStatus Run(LazyFunction f, bool batch, double[] output, DifferentiationOptions options);

    /// <summary>An operation, the forms in which the function writes a span (a per-point scalar
    /// function returns its value, which cannot be stale), and the closed form of what it computes
    /// for the function written whole.</summary>
    private sealed record Operation(string Name, Form[] Forms, Run Run, double[] Truth);

    private static readonly Form[] VectorForms = [Form.Sequential, Form.Parallel, Form.Batch];
    private static readonly Form[] BatchOnly = [Form.Batch];

    private static readonly double[] RosenbrockHessian = MghProblems.ExtendedRosenbrockHessian(X);

    private static readonly Operation[] Operations =
    [
        new("gradient", BatchOnly, (f, _, output, options) => Differentiate.Gradient(f.AsBatchScalar, X, output, options).Status,
            MghProblems.ExtendedRosenbrockGradient(X)),
        new("jacobian", VectorForms, (f, batch, output, options) => (batch
            ? Differentiate.Jacobian(f.AsBatchVector, N, X, output, options)
            : Differentiate.Jacobian(f.AsVector, N, X, output, options)).Status, BroydenDense()),
        new("hessian", BatchOnly, (f, _, output, options) => Differentiate.Hessian(f.AsBatchScalar, X, output, options).Status,
            RosenbrockHessian),
        new("hessian diagonal", BatchOnly, (f, _, output, options) => Differentiate.HessianDiagonal(f.AsBatchScalar, X, output, options).Status,
            Enumerable.Range(0, N).Select(i => RosenbrockHessian[i * N + i]).ToArray()),
        new("hessian-vector product", BatchOnly, (f, _, output, options) =>
            Differentiate.HessianVectorProduct(f.AsBatchScalar, X, V, output, options).Status,
            Enumerable.Range(0, N).Select(i => Enumerable.Range(0, N).Sum(j => RosenbrockHessian[i * N + j] * V[j])).ToArray()),
        new("sparse jacobian", VectorForms, (f, batch, output, options) => (batch
            ? Differentiate.SparseJacobian(f.AsBatchVector, JacobianColors, X, output, options)
            : Differentiate.SparseJacobian(f.AsVector, JacobianColors, X, output, options)).Status,
            OnPattern(Tridiagonal, (k, j) => LazyFunction.BroydenJacobian(X, k, j))),
        new("sparse hessian", BatchOnly, (f, _, output, options) => Differentiate.SparseHessian(f.AsBatchScalar, Tridiagonal, X, output, options).Status,
            OnPattern(Tridiagonal, (i, j) => RosenbrockHessian[i * N + j])),
        new("sparse hessian from gradient", VectorForms, (f, batch, output, options) => (batch
            ? Differentiate.SparseHessianFromGradient(f.AsBatchGradient, HessianColors, X, output, options)
            : Differentiate.SparseHessianFromGradient(f.AsGradient, HessianColors, X, output, options)).Status,
            OnPattern(HessianColors.Pattern, (i, j) => RosenbrockHessian[i * N + j])),
    ];

    private static double[] BroydenDense() =>
        Enumerable.Range(0, N * N).Select(e => LazyFunction.BroydenJacobian(X, e / N, e % N)).ToArray();

    private static double[] OnPattern(SparsityPattern pattern, Func<int, int, double> entry) =>
        Enumerable.Range(0, pattern.Rows).SelectMany(i => pattern.Row(i).ToArray().Select(j => entry(i, j))).ToArray();

    public static IEnumerable<object[]> Cases() =>
        from operation in Operations
        from form in operation.Forms
        from adaptive in new[] { false, true }
        from unwritten in Enum.GetValues<Unwritten>()
        select new object[] { operation.Name, form, adaptive, unwritten };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_output_left_unwritten_is_NaN_with_status_NonFinite_never_an_earlier_calls_value(
        string operation, Form form, bool adaptive, Unwritten unwritten)
    {
        var call = Operations.Single(o => o.Name == operation);
        var options = new DifferentiationOptions
        {
            Adaptive = adaptive,
            Parallel = form == Form.Parallel,
            MaxDegreeOfParallelism = form == Form.Parallel ? 4 : null,
        };
        var f = new LazyFunction(unwritten, goodCalls: long.MaxValue / 2);
        var earlier = new double[call.Truth.Length];
        Assert.Equal(DerivativeStatus.Ok, call.Run(f, form == Form.Batch, earlier, options));

        f.TurnLazy();
        var output = new double[call.Truth.Length];
        Assert.Equal(DerivativeStatus.NonFinite, call.Run(f, form == Form.Batch, output, options));
        if (unwritten == Unwritten.Everything)
        {
            Assert.All(output, v => Assert.True(double.IsNaN(v), $"{v} from a function that wrote nothing"));
            return;
        }
        // What was written is 2·f: an entry is either NaN or the derivative of 2·f, and no other
        // value (the earlier call's f, or a difference mixing it in) passes.
        Assert.Contains(output, double.IsNaN);
        var tolerance = 1e-6 * call.Truth.Max(Math.Abs);
        for (var e = 0; e < output.Length; e++)
            if (!double.IsNaN(output[e]))
                Assert.True(Math.Abs(output[e] - 2 * call.Truth[e]) <= tolerance,
                    $"entry {e}: {output[e]}, expected NaN or {2 * call.Truth[e]} (the earlier call gave {earlier[e]})");
    }

    /// <summary>Which of the objective's functions turns lazy in a minimisation.</summary>
    public enum LazyPart
    {
        /// <summary>A batch objective's values (its single-point value and its batches).</summary>
        BatchValue,
        /// <summary>The analytic gradient (BFGS).</summary>
        AnalyticGradient,
        /// <summary>The analytic Hessian (Newton).</summary>
        AnalyticHessian,
        /// <summary>The analytic gradient that Newton differences into a Hessian.</summary>
        GradientOfDifferencedHessian,
    }

    public static IEnumerable<object[]> OptimizerCases() =>
        from part in Enum.GetValues<LazyPart>()
        from unwritten in Enum.GetValues<Unwritten>()
        select new object[] { part, unwritten };

    [Theory]
    [MemberData(nameof(OptimizerCases))]
    public void A_minimisation_whose_objective_leaves_outputs_unwritten_stops_on_a_non_finite_value(LazyPart part, Unwritten unwritten)
    {
        // Good for the start and a little beyond, so that every buffer holds an earlier value.
        var f = new LazyFunction(unwritten, goodCalls: part switch
        {
            LazyPart.BatchValue => 3,
            LazyPart.AnalyticGradient => 2,
            LazyPart.AnalyticHessian => 1,
            _ => 1 + N / 2,
        });
        var objective = part switch
        {
            LazyPart.BatchValue => Objective.FromBatch(f.AsBatchScalar),
            LazyPart.AnalyticGradient => new Objective(MghProblems.ExtendedRosenbrock) { Gradient = f.AsAnalyticGradient },
            LazyPart.AnalyticHessian => new Objective(MghProblems.ExtendedRosenbrock)
            {
                Gradient = (x, g) => LazyFunction.RosenbrockGradient(x, g),
                Hessian = f.AsHessianFunction,
            },
            _ => new Objective(MghProblems.ExtendedRosenbrock) { Gradient = f.AsAnalyticGradient },
        };
        var method = part is LazyPart.AnalyticHessian or LazyPart.GradientOfDifferencedHessian ? OptimizationMethod.Newton : OptimizationMethod.Bfgs;

        var result = Optimize.Minimize(objective, X, new OptimizerOptions { Method = method });

        Assert.Equal(StopReason.NonFiniteValue, result.Reason);
        Assert.All(result.X, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void A_sparsity_probe_takes_an_output_left_unwritten_for_one_that_depends_on_every_coordinate()
    {
        // Lazy from the first call: outputs N/2.. are never written, so only NaN can tell.
        var f = new LazyFunction(Unwritten.SecondHalf, goodCalls: 0);
        var pattern = SparsityProbe.Jacobian(f.AsVector, N, X);
        for (var k = 0; k < N; k++)
        {
            var expected = k < N / 2 ? Tridiagonal.Row(k).ToArray() : Enumerable.Range(0, N).ToArray();
            Assert.Equal(expected, pattern.Row(k).ToArray());
        }
    }
}

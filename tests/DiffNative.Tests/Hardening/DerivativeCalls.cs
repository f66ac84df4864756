using DiffNative.Tests.Functions.Sparse;

namespace DiffNative.Tests.Hardening;

/// <summary>How the user's function is handed over and evaluated.</summary>
public enum EvaluationMode
{
    /// <summary>A per-point function, one point after another.</summary>
    Sequential,
    /// <summary>A per-point function on several threads (<see cref="DifferentiationOptions.Parallel"/>).</summary>
    Parallel,
    /// <summary>A batch function, many rows per call.</summary>
    Batch,
    /// <summary>A per-point function with Richardson extrapolation over shrinking steps.</summary>
    Adaptive,
}

/// <summary>Every span-overload differentiation that calls the user's function, by name, written
/// so that a call with prepared arguments allocates nothing of its own (the delegates live on
/// <see cref="FaultyFunction"/>, the patterns here).</summary>
public static class DerivativeCalls
{
    public const int N = 12;

    public static readonly double[] Point = Enumerable.Range(0, N).Select(i => i % 2 == 0 ? -1.2 : 1.0 + 0.01 * i).ToArray();
    private static readonly double[] Direction = Enumerable.Range(0, N).Select(i => 1.0 - 0.1 * i).ToArray();
    private static readonly SparsityPattern Tridiagonal = SparsePatterns.Tridiagonal(N);
    private static readonly JacobianColoring TridiagonalColoring = JacobianColoring.Compute(Tridiagonal);

    /// <summary>One call: the function, whether to hand over its batch form, the output, options, token.</summary>
    public delegate DerivativeStatus Run(FaultyFunction f, bool batch, double[] output, DifferentiationOptions options, CancellationToken token);

    /// <summary>A named call, the output length it needs and the modes it offers.</summary>
    public sealed record Call(string Name, int OutputLength, EvaluationMode[] Modes, Run Run);

    private static readonly EvaluationMode[] AllModes = Enum.GetValues<EvaluationMode>();
    private static readonly EvaluationMode[] PerPointModes = [EvaluationMode.Sequential, EvaluationMode.Parallel];

    public static readonly Call[] All =
    [
        new("gradient", N, AllModes, (f, batch, output, options, token) => (batch
            ? Differentiate.Gradient(f.AsBatchScalar, Point, output, options, token)
            : Differentiate.Gradient(f.AsScalar, Point, output, options, token)).Status),
        new("jacobian", N * N, AllModes, (f, batch, output, options, token) => (batch
            ? Differentiate.Jacobian(f.AsBatchVector, N, Point, output, options, token)
            : Differentiate.Jacobian(f.AsVector, N, Point, output, options, token)).Status),
        new("hessian", N * N, AllModes, (f, batch, output, options, token) => (batch
            ? Differentiate.Hessian(f.AsBatchScalar, Point, output, options, token)
            : Differentiate.Hessian(f.AsScalar, Point, output, options, token)).Status),
        new("hessian diagonal", N, PerPointModes, (f, _, output, options, token) =>
            Differentiate.HessianDiagonal(f.AsScalar, Point, output, options, token).Status),
        new("hessian-vector product", N, PerPointModes, (f, _, output, options, token) =>
            Differentiate.HessianVectorProduct(f.AsScalar, Point, Direction, output, options, token).Status),
        new("sparse jacobian", Tridiagonal.NonZeros, AllModes, (f, batch, output, options, token) => (batch
            ? Differentiate.SparseJacobian(f.AsBatchVector, TridiagonalColoring, Point, output, options, token)
            : Differentiate.SparseJacobian(f.AsVector, TridiagonalColoring, Point, output, options, token)).Status),
        new("sparse hessian", Tridiagonal.NonZeros, AllModes, (f, batch, output, options, token) => (batch
            ? Differentiate.SparseHessian(f.AsBatchScalar, Tridiagonal, Point, output, options, token)
            : Differentiate.SparseHessian(f.AsScalar, Tridiagonal, Point, output, options, token)).Status),
    ];

    public static Call Named(string name) => All.Single(c => c.Name == name);

    public static DifferentiationOptions Options(EvaluationMode mode, Backend backend) => new()
    {
        Backend = backend,
        Parallel = mode == EvaluationMode.Parallel,
        Adaptive = mode == EvaluationMode.Adaptive,
        MaxDegreeOfParallelism = mode == EvaluationMode.Parallel ? 4 : null,
    };

    public static Backend BackendNamed(string name) => name == "managed" ? Backend.Managed : Backend.Native;
}

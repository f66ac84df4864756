using DiffNative.Tests.Functions.Sparse;

namespace DiffNative.Tests.Hardening;

/// <summary>docs/bad-input.md, outputs sharing memory with what a differentiation still reads:
/// every entry point where that could change the result refuses, naming the parameter, before f is
/// called and with every buffer untouched. Fixed-step second derivatives evaluate every point
/// before writing, so they may overwrite x and give the bits of a call into a separate buffer.</summary>
public class OutputOverlapTests
{
    private const int N = 4;
    private static readonly double[] Point = [-1.2, 1.0, -1.2, 1.0];
    private static readonly SparsityPattern Tridiagonal = SparsePatterns.Tridiagonal(N);
    private static readonly JacobianColoring JacobianColours = JacobianColoring.Compute(Tridiagonal);
    private static readonly HessianColoring HessianColours = HessianColoring.Compute(Tridiagonal);
    private static readonly DifferentiationOptions Adaptive = new() { Adaptive = true };
    private static readonly DifferentiationOptions Bounded = new() { LowerBounds = new[] { -5.0, -5, -5, -5 } };

    /// <summary>The buffer every span of a row is cut from: x = [0, N), v = [N, 2N), then room.</summary>
    private static double[] Buffer()
    {
        var buffer = Enumerable.Range(0, 2 * N + N * N + 8).Select(i => 0.25 + i).ToArray();
        Point.CopyTo(buffer, 0);
        return buffer;
    }

    /// <summary>Smooth functions that count their calls: a refused call must make none.</summary>
    public sealed class Counting
    {
        public int Calls;

        public double Scalar(ReadOnlySpan<double> x)
        {
            Calls++;
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++) sum += Math.Sin(x[i]) * (i + 1) + x[i] * x[(i + 1) % x.Length];
            return sum;
        }

        public void Vector(ReadOnlySpan<double> x, Span<double> y)
        {
            Calls++;
            for (var k = 0; k < x.Length; k++) y[k] = (3 - 2 * x[k]) * x[k] - (k > 0 ? x[k - 1] : 0) - 2 * (k + 1 < x.Length ? x[k + 1] : 0) + 1;
        }

        public void BatchScalar(ReadOnlySpan<double> points, int n, Span<double> values)
        {
            for (var r = 0; r < values.Length; r++) values[r] = Scalar(points.Slice(r * n, n));
        }

        public void BatchVector(ReadOnlySpan<double> points, int n, Span<double> values)
        {
            for (var r = 0; r * n < points.Length; r++) Vector(points.Slice(r * n, n), values.Slice(r * n, n));
        }
    }

    public sealed record Row(string Name, string Parameter, Action<Counting, double[]> Call)
    {
        public override string ToString() => Name;
    }

    private static ReadOnlySpan<double> X(double[] b) => b.AsSpan(0, N);
    private static ReadOnlySpan<double> V(double[] b) => b.AsSpan(N, N);

    public static IEnumerable<object[]> Rows()
    {
        Row[] rows =
        [
            new("Gradient: gradient in place of x", "gradient", (c, b) => Differentiate.Gradient(c.Scalar, X(b), b.AsSpan(0, N))),
            new("Gradient: gradient one past x", "gradient", (c, b) => Differentiate.Gradient(c.Scalar, X(b), b.AsSpan(1, N))),
            new("Gradient (bounds): gradient over x", "gradient", (c, b) => Differentiate.Gradient(c.Scalar, X(b), b.AsSpan(2, N), Bounded)),
            new("Gradient (adaptive): gradient over x", "gradient", (c, b) => Differentiate.Gradient(c.Scalar, X(b), b.AsSpan(1, N), Adaptive)),
            new("Gradient (batch): gradient over x", "gradient", (c, b) => Differentiate.Gradient(c.BatchScalar, X(b), b.AsSpan(3, N))),
            new("Gradient with errors: gradient over x", "gradient", (c, b) => Differentiate.Gradient(c.Scalar, X(b), b.AsSpan(1, N), errors: b.AsSpan(2 * N, N))),
            new("Gradient with errors: errors over gradient", "errors", (c, b) => Differentiate.Gradient(c.Scalar, X(b), b.AsSpan(2 * N, N), errors: b.AsSpan(2 * N + 1, N))),
            new("Gradient with errors: errors over x", "errors", (c, b) => Differentiate.Gradient(c.Scalar, X(b), b.AsSpan(2 * N, N), errors: b.AsSpan(2, N))),
            new("Jacobian: jacobian over x", "jacobian", (c, b) => Differentiate.Jacobian(c.Vector, N, X(b), b.AsSpan(3, N * N))),
            new("Jacobian (batch, adaptive): jacobian over x", "jacobian", (c, b) => Differentiate.Jacobian(c.BatchVector, N, X(b), b.AsSpan(1, N * N), Adaptive)),
            new("Hessian (adaptive): hessian over x", "hessian", (c, b) => Differentiate.Hessian(c.Scalar, X(b), b.AsSpan(0, N * N), Adaptive)),
            new("Hessian (batch, adaptive): hessian over x", "hessian", (c, b) => Differentiate.Hessian(c.BatchScalar, X(b), b.AsSpan(2, N * N), Adaptive)),
            new("HessianDiagonal (adaptive): diagonal over x", "diagonal", (c, b) => Differentiate.HessianDiagonal(c.Scalar, X(b), b.AsSpan(1, N), Adaptive)),
            new("HessianDiagonal with errors: diagonal over x", "diagonal", (c, b) => Differentiate.HessianDiagonal(c.Scalar, X(b), b.AsSpan(0, N), errors: b.AsSpan(2 * N, N))),
            new("HessianDiagonal with errors: errors over diagonal", "errors", (c, b) => Differentiate.HessianDiagonal(c.Scalar, X(b), b.AsSpan(2 * N, N), errors: b.AsSpan(2 * N + 3, N))),
            new("HessianDiagonal with errors: errors over x", "errors", (c, b) => Differentiate.HessianDiagonal(c.Scalar, X(b), b.AsSpan(2 * N, N), errors: b.AsSpan(1, N))),
            new("HessianVectorProduct (adaptive): product over x", "product", (c, b) => Differentiate.HessianVectorProduct(c.Scalar, X(b), V(b), b.AsSpan(1, N), Adaptive)),
            new("HessianVectorProduct (adaptive): product over v", "product", (c, b) => Differentiate.HessianVectorProduct(c.Scalar, X(b), V(b), b.AsSpan(N + 2, N), Adaptive)),
            new("HessianVectorProduct with errors: product over v", "product", (c, b) => Differentiate.HessianVectorProduct(c.Scalar, X(b), V(b), b.AsSpan(N, N), errors: b.AsSpan(2 * N, N))),
            new("HessianVectorProduct with errors: errors over product", "errors", (c, b) => Differentiate.HessianVectorProduct(c.Scalar, X(b), V(b), b.AsSpan(2 * N, N), errors: b.AsSpan(2 * N + 1, N))),
            new("HessianVectorProduct with errors: errors over x", "errors", (c, b) => Differentiate.HessianVectorProduct(c.Scalar, X(b), V(b), b.AsSpan(2 * N, N), errors: b.AsSpan(3, N))),
            new("HessianVectorProduct with errors: errors over v", "errors", (c, b) => Differentiate.HessianVectorProduct(c.Scalar, X(b), V(b), b.AsSpan(2 * N, N), errors: b.AsSpan(N + 1, N))),
            new("SparseJacobian: values over x", "values", (c, b) => Differentiate.SparseJacobian(c.Vector, JacobianColours, X(b), b.AsSpan(2, Tridiagonal.NonZeros))),
            new("SparseJacobian (batch, adaptive): values over x", "values", (c, b) => Differentiate.SparseJacobian(c.BatchVector, JacobianColours, X(b), b.AsSpan(0, Tridiagonal.NonZeros), Adaptive)),
            new("SparseHessianFromGradient: values over x", "values", (c, b) => Differentiate.SparseHessianFromGradient(c.Vector, HessianColours, X(b), b.AsSpan(1, Tridiagonal.NonZeros))),
            new("SparseHessianFromGradient (batch, bounds): values over x", "values", (c, b) => Differentiate.SparseHessianFromGradient(c.BatchVector, HessianColours, X(b), b.AsSpan(3, Tridiagonal.NonZeros), Bounded)),
            new("SparseHessian (adaptive): values over x", "values", (c, b) => Differentiate.SparseHessian(c.Scalar, Tridiagonal, X(b), b.AsSpan(1, Tridiagonal.NonZeros), Adaptive)),
            new("SparseHessian with errors: errors over values", "errors", (c, b) => Differentiate.SparseHessian(c.BatchScalar, Tridiagonal, X(b), b.AsSpan(N, Tridiagonal.NonZeros), errors: b.AsSpan(N + 5, Tridiagonal.NonZeros))),
            new("SparseHessian with errors: errors over x", "errors", (c, b) => Differentiate.SparseHessian(c.Scalar, Tridiagonal, X(b), b.AsSpan(N, Tridiagonal.NonZeros), errors: b.AsSpan(2, Tridiagonal.NonZeros))),
        ];
        return rows.Select(r => new object[] { r });
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void An_output_over_what_the_call_still_reads_is_refused_before_anything_is_written(Row row)
    {
        var counting = new Counting();
        var buffer = Buffer();
        var before = buffer.ToArray();
        var e = Assert.Throws<ArgumentException>(() => row.Call(counting, buffer));
        Assert.Equal(row.Parameter, e.ParamName);
        Assert.Equal(0, counting.Calls);
        Assert.Equal(before, buffer);
    }

    /// <summary>A fixed-step second derivative, written over x (or v), and the same call into a
    /// separate buffer.</summary>
    public sealed record InPlace(string Name, int Length, Action<Counting, ReadOnlySpan<double>, ReadOnlySpan<double>, Span<double>> Call)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<object[]> InPlaceRows()
    {
        InPlace[] rows =
        [
            new("Hessian over x", N * N, (c, x, _, o) => Differentiate.Hessian(c.Scalar, x, o)),
            new("Hessian (bounds) over x", N * N, (c, x, _, o) => Differentiate.Hessian(c.Scalar, x, o, Bounded)),
            new("HessianDiagonal over x", N, (c, x, _, o) => Differentiate.HessianDiagonal(c.Scalar, x, o)),
            new("HessianVectorProduct over v", N, (c, x, v, o) => Differentiate.HessianVectorProduct(c.Scalar, x, v, o)),
            new("SparseHessian over x", Tridiagonal.NonZeros, (c, x, _, o) => Differentiate.SparseHessian(c.Scalar, Tridiagonal, x, o)),
        ];
        return rows.Select(r => new object[] { r });
    }

    [Theory]
    [MemberData(nameof(InPlaceRows))]
    public void A_fixed_step_second_derivative_may_overwrite_x_and_keeps_its_bits(InPlace row)
    {
        var separate = new double[row.Length];
        var reference = Buffer();
        row.Call(new Counting(), X(reference), V(reference), separate);

        // The output starts one past the start of x (or of v for the product), so it covers both.
        var shared = Buffer();
        var start = row.Name.EndsWith("over v", StringComparison.Ordinal) ? N + 1 : 1;
        row.Call(new Counting(), X(shared), V(shared), shared.AsSpan(start, row.Length));
        Assert.Equal(
            separate.Select(BitConverter.DoubleToInt64Bits),
            shared.AsSpan(start, row.Length).ToArray().Select(BitConverter.DoubleToInt64Bits));
    }
}

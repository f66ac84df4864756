namespace DiffNative.Tests.Hardening;

/// <summary>docs/bad-input.md, differentiating functions: the rows the fault tests did not hold.
/// Each throws naming the parameter before f is called, with the output untouched.</summary>
public class FunctionBadInputTests
{
    private const double Sentinel = -7.0;
    private static readonly double[] X = [1.0, 2.0, 3.0];

    /// <summary>f counts its calls: a bad argument must be refused before the first.</summary>
    private sealed class CountingFunction
    {
        public int Calls;
        public double Invoke(ReadOnlySpan<double> x) { Calls++; return x[0] * x[0] + x[^1]; }
    }

    public sealed record Row(string Name, Type Exception, string Parameter, Action<ScalarFunction, double[]> Call)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<object[]> Rows()
    {
        var arg = typeof(ArgumentException);
        var aoor = typeof(ArgumentOutOfRangeException);
        Row[] rows =
        [
            new("HessianDiagonal: short output", arg, "diagonal", (f, o) => Differentiate.HessianDiagonal(f, X, o.AsSpan(0, 2))),
            new("HessianDiagonal: x on a bound", arg, "x", (f, o) => Differentiate.HessianDiagonal(f, X, o,
                new DifferentiationOptions { LowerBounds = new[] { 1.0, 0, 0 }, UpperBounds = new[] { 5.0, 5, 5 } })),
            new("HessianVectorProduct: v of another length", arg, "v", (f, o) => Differentiate.HessianVectorProduct(f, X, [1.0, 0], o)),
            new("HessianVectorProduct: v not finite", arg, "v", (f, o) => Differentiate.HessianVectorProduct(f, X, [1.0, double.NaN, 0], o)),
            new("HessianVectorProduct: with bounds", arg, "options", (f, o) => Differentiate.HessianVectorProduct(f, X, [1.0, 0, 0], o,
                new DifferentiationOptions { LowerBounds = new[] { -5.0, -5, -5 } })),
            new("HessianVectorProduct: short output", arg, "product", (f, o) => Differentiate.HessianVectorProduct(f, X, [1.0, 0, 0], o.AsSpan(0, 1))),
            new("DirectionalDerivative: v not finite", arg, "v", (f, o) => Differentiate.DirectionalDerivative(f, X, [double.PositiveInfinity, 0, 0])),
            new("Gradient: x outside its bounds", arg, "x", (f, o) => Differentiate.Gradient(f, X, o,
                new DifferentiationOptions { UpperBounds = new[] { 0.0, 9, 9 } })),
            new("Gradient: empty bounds", arg, "options", (f, o) => Differentiate.Gradient(f, X, o,
                new DifferentiationOptions { LowerBounds = new[] { 1.0, 2, 3 }, UpperBounds = new[] { 1.0, 2, 3 } })),
            new("Gradient: batch size 0", aoor, "BatchSize", (f, o) => Differentiate.Gradient(f, X, o, new DifferentiationOptions { BatchSize = 0 })),
            new("Gradient: parallelism 0", aoor, "MaxDegreeOfParallelism", (f, o) => Differentiate.Gradient(f, X, o,
                new DifferentiationOptions { Parallel = true, MaxDegreeOfParallelism = 0 })),
            new("Gradient: typical scale 0", arg, "TypicalScales", (f, o) => Differentiate.Gradient(f, X, o,
                new DifferentiationOptions { TypicalScales = new[] { 1.0, 0, 1 } })),
            // n·n overflows int: an OverflowException would not say which argument was at fault.
            new("Hessian: n·n beyond the largest array", arg, "x", (f, o) => Differentiate.Hessian(f, new double[50_000], o)),
            new("Hessian (allocating): n·n beyond the largest array", arg, "x", (f, o) => Differentiate.Hessian(f, new double[50_000])),
            new("Jacobian (allocating): m·n beyond the largest array", arg, "x", (f, o) => Differentiate.Jacobian((p, y) => y.Clear(), 100_000, new double[50_000])),
        ];
        return rows.Select(r => new object[] { r });
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Bad_input_throws_naming_the_parameter_before_f_is_called(Row row)
    {
        var f = new CountingFunction();
        var output = Enumerable.Repeat(Sentinel, 9).ToArray();
        var e = Assert.Throws(row.Exception, () => row.Call(f.Invoke, output));
        Assert.Equal(row.Parameter, ((ArgumentException)e).ParamName);
        Assert.Equal(0, f.Calls);
        Assert.All(output, v => Assert.Equal(Sentinel, v));
        Assert.Equal([1.0, 2.0, 3.0], X);
    }
}

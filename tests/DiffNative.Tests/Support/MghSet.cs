namespace DiffNative.Tests.Support;

/// <summary>A Moré–Garbow–Hillstrom minimum: its value (MGH convention F = Σ rᵢ²) and, where it is
/// published, the point. Nonzero values are the published ones refined at 60 digits
/// (TestData/mgh_set.json says how), so that a solver can be judged to 1e-8.</summary>
public sealed record MghMinimum(double F, double[]? X = null);

/// <summary>One problem of the set: F(x) = Σ rᵢ(x)² over <see cref="M"/> residuals in <see cref="N"/>
/// variables, started from the paper's standard point.</summary>
public sealed record MghProblem(string Id, int Number, int N, int M, double[] X0, VectorFunction Residuals, MghMinimum[] Minima)
{
    /// <summary>F = Σ rᵢ², summed in residual order.</summary>
    public double Value(ReadOnlySpan<double> x)
    {
        Span<double> r = M <= 128 ? stackalloc double[M] : new double[M];
        Residuals(x, r);
        var sum = 0.0;
        foreach (var v in r) sum += v * v;
        return sum;
    }

    /// <summary>Whether <paramref name="value"/> lies within <paramref name="tolerance"/>·max(1, F*) of a
    /// known minimum F*.</summary>
    public bool Reaches(double value, double tolerance = 1e-8) =>
        Minima.Any(m => Math.Abs(value - m.F) <= tolerance * Math.Max(1, m.F));

    public override string ToString() => Id;
}

/// <summary>The Moré–Garbow–Hillstrom unconstrained test problems (ACM TOMS 7(1):17–41, 1981) in
/// residual form, at the paper's standard starts, with extended Rosenbrock twice (n = 10 and 100).
/// Where the paper leaves n or m free, the usual choice: n = 10 (m = 20 for the three linear
/// problems), Watson n = 9, extended Powell n = 12, Chebyquad n = m = 8, Jennrich–Sampson and Box
/// m = 10, Brown–Dennis m = 20, Biggs m = 13, Gulf m = 99. One definition serves the tests and the
/// benchmarks (linked there); TestData/mgh_set.json holds F(x0) and the minima computed at 40 digits
/// from residuals written independently in generate_mgh_set.py.</summary>
public static class MghSet
{
    public static IReadOnlyList<MghProblem> All { get; } = Build();

    public static MghProblem Get(string id) => All.SingleOrDefault(p => p.Id == id)
        ?? throw new ArgumentException($"unknown MGH problem '{id}'", nameof(id));

    private static readonly double Sqrt5 = Math.Sqrt(5), Sqrt10 = Math.Sqrt(10), Sqrt90 = Math.Sqrt(90), SqrtPenalty = Math.Sqrt(1e-5);

    private static MghProblem[] Build() =>
    [
        new("rosenbrock", 1, 2, 2, [-1.2, 1], ExtendedRosenbrock, [new(0, [1, 1])]),
        new("freudenstein_roth", 2, 2, 2, [0.5, -2], FreudensteinRoth,
            [new(0, [5, 4]), new(48.98425367924002)]),
        new("powell_badly_scaled", 3, 2, 2, [0, 1], PowellBadlyScaled, [new(0)]),
        new("brown_badly_scaled", 4, 2, 3, [1, 1], BrownBadlyScaled, [new(0, [1e6, 2e-6])]),
        new("beale", 5, 2, 3, [1, 1], Beale, [new(0, [3, 0.5])]),
        new("jennrich_sampson", 6, 2, 10, [0.3, 0.4], JennrichSampson, [new(124.36218235561485)]),
        new("helical_valley", 7, 3, 3, [-1, 0, 0], HelicalValley, [new(0, [1, 0, 0])]),
        new("bard", 8, 3, 15, [1, 1, 1], Bard, [new(8.2148773065789747e-3)]),
        new("gaussian", 9, 3, 15, [0.4, 1, 0], Gaussian, [new(1.1279327696186481e-8, [0.398956137837997, 1.0000190844805048, 0])]),
        new("meyer", 10, 3, 16, [0.02, 4000, 250], Meyer, [new(87.945855170851118)]),
        new("gulf_research", 11, 3, 99, [5, 2.5, 0.15], GulfResearch, [new(0, [50, 25, 1.5])]),
        new("box_3d", 12, 3, 10, [0, 10, 20], Box3D, [new(0, [1, 10, 1])]),
        new("powell_singular", 13, 4, 4, [3, -1, 0, 1], ExtendedPowellSingular, [new(0, [0, 0, 0, 0])]),
        new("wood", 14, 4, 6, [-3, -1, -3, -1], Wood, [new(0, [1, 1, 1, 1])]),
        new("kowalik_osborne", 15, 4, 11, [0.25, 0.39, 0.415, 0.39], KowalikOsborne, [new(3.0750560384923745e-4)]),
        new("brown_dennis", 16, 4, 20, [25, 5, -5, -1], BrownDennis,
            [new(85822.201626356342, [-11.594439904762162, 13.203630051207202, -0.4034394881768612, 0.2367787744557347])]),
        new("osborne_1", 17, 5, 33, [0.5, 1.5, -1, 0.01, 0.02], Osborne1, [new(5.4648946974829067e-5)]),
        new("biggs_exp6", 18, 6, 13, [1, 2, 1, 1, 1, 1], BiggsExp6,
            [new(0, [1, 10, 1, 5, 4, 3]),
             new(5.6556499254999306e-3, [1.7114159947956764, 17.68319817846745, 1.1631436609697268, 5.1865615510738605, 1.7114159947949301, 1.1631436609697998])]),
        new("osborne_2", 19, 11, 65, [1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5], Osborne2, [new(4.0137736293547735e-2)]),
        new("watson_9", 20, 9, 31, new double[9], Watson,
            [new(1.3997601380990199e-6, [-1.5307036521992127e-05, 0.9997897039319495, 0.01476396369355022, 0.14634232829939883, 1.0008211030046426,
                -2.617731140519101, 4.104403164479245, -3.1436122785568514, 1.0526264080103074])]),
        new("extended_rosenbrock_10", 21, 10, 10, RosenbrockStart(10), ExtendedRosenbrock, [new(0, Filled(10, 1))]),
        new("extended_rosenbrock_100", 21, 100, 100, RosenbrockStart(100), ExtendedRosenbrock, [new(0, Filled(100, 1))]),
        new("extended_powell_singular", 22, 12, 12, [3, -1, 0, 1, 3, -1, 0, 1, 3, -1, 0, 1], ExtendedPowellSingular, [new(0, new double[12])]),
        new("penalty_1", 23, 10, 11, [.. Enumerable.Range(1, 10).Select(j => (double)j)], Penalty1,
            [new(7.0876514670903691e-5, Filled(10, 0.15812230111311634))]),
        new("penalty_2", 24, 10, 20, Filled(10, 0.5), Penalty2,
            [new(2.9366053745674594e-4, [0.19998360520892217, 0.010350644318663525, 0.01960493546891094, 0.03208906550305253, 0.04993267593895693,
                0.07651399534454084, 0.11862407118600789, 0.1921448731780023, 0.3473205862372022, 0.36916437893066273])]),
        new("variably_dimensioned", 25, 10, 12, [.. Enumerable.Range(1, 10).Select(j => 1 - j / 10.0)], VariablyDimensioned, [new(0, Filled(10, 1))]),
        new("trigonometric", 26, 10, 10, Filled(10, 0.1), Trigonometric,
            [new(0, [0.04296456438227447, 0.043976287478192246, 0.045093397949095684, 0.04633891624617569, 0.047744381782831,
                0.04935473251330618, 0.05123734850076505, 0.19520946391410446, 0.1649776652761741, 0.06014857783799575]),
             new(2.7950561218794563e-5, [0.05515090434047145, 0.05684061730812344, 0.05876400231100774, 0.060990608903034337, 0.06362621381044778,
                0.06684318087364617, 0.2081615177172172, 0.16436309604419047, 0.08500689695564931, 0.09143145386293675])]),
        new("brown_almost_linear", 27, 10, 10, Filled(10, 0.5), BrownAlmostLinear, [new(0), new(1, [0, 0, 0, 0, 0, 0, 0, 0, 0, 11])]),
        new("discrete_boundary_value", 28, 10, 10, BoundaryStart(10), DiscreteBoundaryValue, [new(0)]),
        new("discrete_integral_equation", 29, 10, 10, BoundaryStart(10), DiscreteIntegralEquation, [new(0)]),
        new("broyden_tridiagonal", 30, 10, 10, Filled(10, -1), BroydenTridiagonal, [new(0)]),
        new("broyden_banded", 31, 10, 10, Filled(10, -1), BroydenBanded, [new(0)]),
        new("linear_full_rank", 32, 10, 20, Filled(10, 1), LinearFullRank(20), [new(10, Filled(10, -1))]),
        new("linear_rank_1", 33, 10, 20, Filled(10, 1), LinearRank1(20), [new(190.0 / 41)]),
        new("linear_rank_1_zero", 34, 10, 20, Filled(10, 1), LinearRank1Zero(20), [new(227.0 / 37)]),
        new("chebyquad", 35, 8, 8, [.. Enumerable.Range(1, 8).Select(j => j / 9.0)], Chebyquad(8), [new(3.5168737256779316e-3)]),
    ];

    private static double[] Filled(int n, double v) => Enumerable.Repeat(v, n).ToArray();

    private static double[] RosenbrockStart(int n) => Enumerable.Range(0, n).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();

    /// <summary>xⱼ = tⱼ(tⱼ − 1), tⱼ = j/(n + 1): the start of problems 28 and 29.</summary>
    private static double[] BoundaryStart(int n) => Enumerable.Range(1, n).Select(j =>
    {
        var t = j / (n + 1.0);
        return t * (t - 1);
    }).ToArray();

    private static void ExtendedRosenbrock(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i + 1 < x.Length; i += 2)
        {
            r[i] = 10 * (x[i + 1] - x[i] * x[i]);
            r[i + 1] = 1 - x[i];
        }
    }

    private static void FreudensteinRoth(ReadOnlySpan<double> x, Span<double> r)
    {
        r[0] = -13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1];
        r[1] = -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1];
    }

    private static void PowellBadlyScaled(ReadOnlySpan<double> x, Span<double> r)
    {
        r[0] = 1e4 * x[0] * x[1] - 1;
        r[1] = Math.Exp(-x[0]) + Math.Exp(-x[1]) - 1.0001;
    }

    private static void BrownBadlyScaled(ReadOnlySpan<double> x, Span<double> r)
    {
        r[0] = x[0] - 1e6;
        r[1] = x[1] - 2e-6;
        r[2] = x[0] * x[1] - 2;
    }

    private static readonly double[] BealeY = [1.5, 2.25, 2.625];

    private static void Beale(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 1; i <= 3; i++) r[i - 1] = BealeY[i - 1] - x[0] * (1 - Math.Pow(x[1], i));
    }

    private static void JennrichSampson(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 1; i <= 10; i++) r[i - 1] = 2 + 2 * i - (Math.Exp(i * x[0]) + Math.Exp(i * x[1]));
    }

    private static void HelicalValley(ReadOnlySpan<double> x, Span<double> r)
    {
        var theta = Math.Atan(x[1] / x[0]) / (2 * Math.PI) + (x[0] < 0 ? 0.5 : 0.0);
        r[0] = 10 * (x[2] - 10 * theta);
        r[1] = 10 * (Math.Sqrt(x[0] * x[0] + x[1] * x[1]) - 1);
        r[2] = x[2];
    }

    private static readonly double[] BardY = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39];

    private static void Bard(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 1; i <= 15; i++)
        {
            double u = i, v = 16 - i, w = Math.Min(u, v);
            r[i - 1] = BardY[i - 1] - (x[0] + u / (v * x[1] + w * x[2]));
        }
    }

    private static readonly double[] GaussianY =
        [0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009];

    private static void Gaussian(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 1; i <= 15; i++)
        {
            var d = (8 - i) / 2.0 - x[2];
            r[i - 1] = x[0] * Math.Exp(-x[1] * d * d / 2) - GaussianY[i - 1];
        }
    }

    private static readonly double[] MeyerY =
        [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872];

    private static void Meyer(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 1; i <= 16; i++) r[i - 1] = x[0] * Math.Exp(x[1] / (45 + 5 * i + x[2])) - MeyerY[i - 1];
    }

    private static void GulfResearch(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 1; i <= 99; i++)
        {
            var t = i / 100.0;
            var y = 25 + Math.Pow(-50 * Math.Log(t), 2.0 / 3);
            r[i - 1] = Math.Exp(-Math.Pow(Math.Abs(y - x[1]), x[2]) / x[0]) - t;
        }
    }

    private static void Box3D(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 1; i <= 10; i++)
        {
            var t = i / 10.0;
            r[i - 1] = Math.Exp(-t * x[0]) - Math.Exp(-t * x[1]) - x[2] * (Math.Exp(-t) - Math.Exp(-10 * t));
        }
    }

    private static void ExtendedPowellSingular(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var k = 0; k + 3 < x.Length; k += 4)
        {
            r[k] = x[k] + 10 * x[k + 1];
            r[k + 1] = Sqrt5 * (x[k + 2] - x[k + 3]);
            var a = x[k + 1] - 2 * x[k + 2];
            r[k + 2] = a * a;
            var b = x[k] - x[k + 3];
            r[k + 3] = Sqrt10 * b * b;
        }
    }

    private static void Wood(ReadOnlySpan<double> x, Span<double> r)
    {
        r[0] = 10 * (x[1] - x[0] * x[0]);
        r[1] = 1 - x[0];
        r[2] = Sqrt90 * (x[3] - x[2] * x[2]);
        r[3] = 1 - x[2];
        r[4] = Sqrt10 * (x[1] + x[3] - 2);
        r[5] = (x[1] - x[3]) / Sqrt10;
    }

    private static readonly double[] KowalikY = [0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246];
    private static readonly double[] KowalikU = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625];

    private static void KowalikOsborne(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i < 11; i++)
        {
            var u = KowalikU[i];
            r[i] = KowalikY[i] - x[0] * (u * u + u * x[1]) / (u * u + u * x[2] + x[3]);
        }
    }

    private static void BrownDennis(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 1; i <= 20; i++)
        {
            var t = i / 5.0;
            var a = x[0] + t * x[1] - Math.Exp(t);
            var b = x[2] + x[3] * Math.Sin(t) - Math.Cos(t);
            r[i - 1] = a * a + b * b;
        }
    }

    private static readonly double[] Osborne1Y =
    [
        0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603, 0.580,
        0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406,
    ];

    private static void Osborne1(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i < 33; i++)
        {
            double t = 10 * i;
            r[i] = Osborne1Y[i] - (x[0] + x[1] * Math.Exp(-t * x[3]) + x[2] * Math.Exp(-t * x[4]));
        }
    }

    private static void BiggsExp6(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 1; i <= 13; i++)
        {
            var t = i / 10.0;
            var y = Math.Exp(-t) - 5 * Math.Exp(-10 * t) + 3 * Math.Exp(-4 * t);
            r[i - 1] = x[2] * Math.Exp(-t * x[0]) - x[3] * Math.Exp(-t * x[1]) + x[5] * Math.Exp(-t * x[4]) - y;
        }
    }

    // y₁₈ is 0.626 as in MINPACK; with 0.625 (one transcription's) the published minimum is not reached.
    private static readonly double[] Osborne2Y =
    [
        1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746, 0.679, 0.608, 0.655, 0.616, 0.606, 0.602,
        0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644, 0.624, 0.661, 0.612, 0.558, 0.533, 0.495, 0.500, 0.423, 0.395, 0.375,
        0.372, 0.391, 0.396, 0.405, 0.428, 0.429, 0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591,
        0.559, 0.597, 0.625, 0.739, 0.710, 0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054,
    ];

    private static void Osborne2(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i < 65; i++)
        {
            var t = i / 10.0;
            double a = t - x[8], b = t - x[9], c = t - x[10];
            r[i] = Osborne2Y[i] - (x[0] * Math.Exp(-t * x[4]) + x[1] * Math.Exp(-a * a * x[5])
                + x[2] * Math.Exp(-b * b * x[6]) + x[3] * Math.Exp(-c * c * x[7]));
        }
    }

    private static void Watson(ReadOnlySpan<double> x, Span<double> r)
    {
        var n = x.Length;
        for (var i = 1; i <= 29; i++)
        {
            var t = i / 29.0;
            double derivative = 0, value = x[0], power = 1;
            for (var j = 2; j <= n; j++)
            {
                derivative += (j - 1) * x[j - 1] * power;
                power *= t;
                value += x[j - 1] * power;
            }
            r[i - 1] = derivative - value * value - 1;
        }
        r[29] = x[0];
        r[30] = x[1] - x[0] * x[0] - 1;
    }

    private static void Penalty1(ReadOnlySpan<double> x, Span<double> r)
    {
        var squares = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            r[i] = SqrtPenalty * (x[i] - 1);
            squares += x[i] * x[i];
        }
        r[x.Length] = squares - 0.25;
    }

    private static void Penalty2(ReadOnlySpan<double> x, Span<double> r)
    {
        var n = x.Length;
        r[0] = x[0] - 0.2;
        for (var i = 2; i <= n; i++)
        {
            var y = Math.Exp(i / 10.0) + Math.Exp((i - 1) / 10.0);
            r[i - 1] = SqrtPenalty * (Math.Exp(x[i - 1] / 10) + Math.Exp(x[i - 2] / 10) - y);
        }
        for (var i = n + 1; i < 2 * n; i++)
            r[i - 1] = SqrtPenalty * (Math.Exp(x[i - n] / 10) - Math.Exp(-0.1));
        var weighted = 0.0;
        for (var j = 1; j <= n; j++) weighted += (n - j + 1) * x[j - 1] * x[j - 1];
        r[2 * n - 1] = weighted - 1;
    }

    private static void VariablyDimensioned(ReadOnlySpan<double> x, Span<double> r)
    {
        var n = x.Length;
        var s = 0.0;
        for (var j = 1; j <= n; j++)
        {
            r[j - 1] = x[j - 1] - 1;
            s += j * (x[j - 1] - 1);
        }
        r[n] = s;
        r[n + 1] = s * s;
    }

    private static void Trigonometric(ReadOnlySpan<double> x, Span<double> r)
    {
        var n = x.Length;
        var cosines = 0.0;
        foreach (var v in x) cosines += Math.Cos(v);
        for (var i = 1; i <= n; i++) r[i - 1] = n - cosines + i * (1 - Math.Cos(x[i - 1])) - Math.Sin(x[i - 1]);
    }

    private static void BrownAlmostLinear(ReadOnlySpan<double> x, Span<double> r)
    {
        var n = x.Length;
        double sum = 0, product = 1;
        foreach (var v in x)
        {
            sum += v;
            product *= v;
        }
        for (var i = 0; i < n - 1; i++) r[i] = x[i] + sum - (n + 1);
        r[n - 1] = product - 1;
    }

    private static void DiscreteBoundaryValue(ReadOnlySpan<double> x, Span<double> r)
    {
        var n = x.Length;
        var h = 1.0 / (n + 1);
        for (var i = 1; i <= n; i++)
        {
            var left = i > 1 ? x[i - 2] : 0;
            var right = i < n ? x[i] : 0;
            var c = x[i - 1] + i * h + 1;
            r[i - 1] = 2 * x[i - 1] - left - right + h * h * c * c * c / 2;
        }
    }

    private static void DiscreteIntegralEquation(ReadOnlySpan<double> x, Span<double> r)
    {
        var n = x.Length;
        var h = 1.0 / (n + 1);
        for (var i = 1; i <= n; i++)
        {
            var ti = i * h;
            double lower = 0, upper = 0;
            for (var j = 1; j <= n; j++)
            {
                var tj = j * h;
                var c = x[j - 1] + tj + 1;
                if (j <= i) lower += tj * c * c * c;
                else upper += (1 - tj) * c * c * c;
            }
            r[i - 1] = x[i - 1] + h * ((1 - ti) * lower + ti * upper) / 2;
        }
    }

    private static void BroydenTridiagonal(ReadOnlySpan<double> x, Span<double> r)
    {
        var n = x.Length;
        for (var i = 0; i < n; i++)
        {
            var left = i > 0 ? x[i - 1] : 0;
            var right = i < n - 1 ? x[i + 1] : 0;
            r[i] = (3 - 2 * x[i]) * x[i] - left - 2 * right + 1;
        }
    }

    private static void BroydenBanded(ReadOnlySpan<double> x, Span<double> r)
    {
        var n = x.Length;
        for (var i = 1; i <= n; i++)
        {
            var band = 0.0;
            for (var j = Math.Max(1, i - 5); j <= Math.Min(n, i + 1); j++)
                if (j != i) band += x[j - 1] * (1 + x[j - 1]);
            r[i - 1] = x[i - 1] * (2 + 5 * x[i - 1] * x[i - 1]) + 1 - band;
        }
    }

    // The problems below take m apart from n, so each writes exactly its m residuals whatever span it gets.

    private static VectorFunction LinearFullRank(int m) => (x, r) =>
    {
        var sum = 0.0;
        foreach (var v in x) sum += v;
        var common = 2.0 / m * sum + 1;
        for (var i = 0; i < m; i++) r[i] = (i < x.Length ? x[i] : 0) - common;
    };

    private static VectorFunction LinearRank1(int m) => (x, r) =>
    {
        var s = 0.0;
        for (var j = 1; j <= x.Length; j++) s += j * x[j - 1];
        for (var i = 1; i <= m; i++) r[i - 1] = i * s - 1;
    };

    private static VectorFunction LinearRank1Zero(int m) => (x, r) =>
    {
        var s = 0.0;
        for (var j = 2; j <= x.Length - 1; j++) s += j * x[j - 1];
        r[0] = -1;
        for (var i = 2; i <= m - 1; i++) r[i - 1] = (i - 1) * s - 1;
        r[m - 1] = -1;
    };

    private static VectorFunction Chebyquad(int m) => (x, r) =>
    {
        var n = x.Length;
        r[..m].Clear();
        foreach (var v in x)
        {
            // Shifted Chebyshev polynomials by their three-term recurrence on y = 2x − 1.
            var y = 2 * v - 1;
            double previous = 1, current = y;
            for (var i = 1; i <= m; i++)
            {
                r[i - 1] += current;
                (previous, current) = (current, 2 * y * current - previous);
            }
        }
        for (var i = 1; i <= m; i++)
            r[i - 1] = r[i - 1] / n - (i % 2 == 0 ? -1.0 / (i * i - 1) : 0);
    };
}

namespace DiffNative.Tests.Peers;

/// <summary>findiff's test/test_coefs.py (maroba/findiff, the versions at 11ce4294 and 72fd7ed7),
/// ported: the same stencils and expected coefficients (exact fractions written there), compared
/// as numpy.testing.assert_array_almost_equal does (|a − e| &lt; 1.5e-6). "Two ways" here are our
/// two routes to weights: the standard stencil table (<see cref="DiffNative.Stencils.Get"/>) and Fornberg's
/// algorithm on the same offsets (<see cref="FiniteDifferenceWeights.Compute(int, ReadOnlySpan{double}, double, Backend?)"/>).</summary>
public class FindiffCoefficientTests
{
    private const double Delta = 1.5e-6;

    private static void Coefficients(DifferenceScheme scheme, int deriv, int acc, double[] offsets, double[] coefficients)
    {
        var stencil = DiffNative.Stencils.Get(scheme, deriv, acc);
        var check = new PeerCheck();
        check.Within($"{scheme} d{deriv} acc{acc} offsets", stencil.Offsets, offsets, Delta, strict: true);
        check.Within($"{scheme} d{deriv} acc{acc} stencil weights", stencil.Weights, coefficients, Delta, strict: true);
        check.Within($"{scheme} d{deriv} acc{acc} Fornberg weights", FiniteDifferenceWeights.Compute(deriv, offsets), coefficients, Delta, strict: true);
        check.Verify();
    }

    /// <summary>test_coefs.py, TestCoefs.test_order2_acc2: center [1, −2, 1], forward [2, −5, 4, −1], backward reversed.</summary>
    [Fact]
    public void Order2_acc2()
    {
        Coefficients(DifferenceScheme.Central, 2, 2, [-1, 0, 1], [1, -2, 1]);
        Coefficients(DifferenceScheme.Forward, 2, 2, [0, 1, 2, 3], [2, -5, 4, -1]);
        Coefficients(DifferenceScheme.Backward, 2, 2, [-3, -2, -1, 0], [-1, 4, -5, 2]);
    }

    /// <summary>test_coefs.py, TestCoefs.test_order1_acc2: center [−½, 0, ½], forward [−3/2, 2, −½], backward −reversed.</summary>
    [Fact]
    public void Order1_acc2()
    {
        Coefficients(DifferenceScheme.Central, 1, 2, [-1, 0, 1], [-0.5, 0, 0.5]);
        Coefficients(DifferenceScheme.Forward, 1, 2, [0, 1, 2], [-1.5, 2, -0.5]);
        Coefficients(DifferenceScheme.Backward, 1, 2, [-2, -1, 0], [0.5, -2, 1.5]);
    }

    /// <summary>test_coefs.py, TestCoefs.test_order1_acc4: center [1/12, −2/3, 0, 2/3, −1/12], forward [−25/12, 4, −3, 4/3, −¼].</summary>
    [Fact]
    public void Order1_acc4()
    {
        Coefficients(DifferenceScheme.Central, 1, 4, [-2, -1, 0, 1, 2], [1.0 / 12, -2.0 / 3, 0, 2.0 / 3, -1.0 / 12]);
        Coefficients(DifferenceScheme.Forward, 1, 4, [0, 1, 2, 3, 4], [-25.0 / 12, 4, -3, 4.0 / 3, -0.25]);
        Coefficients(DifferenceScheme.Backward, 1, 4, [-4, -3, -2, -1, 0], [0.25, -4.0 / 3, 3, -4, 25.0 / 12]);
    }

    /// <summary>test_coefs.py, TestCoefs.test_order2_acc4: center [−1/12, 4/3, −5/2, 4/3, −1/12],
    /// forward [15/4, −77/6, 107/6, −13, 61/12, −5/6], backward reversed.</summary>
    [Fact]
    public void Order2_acc4()
    {
        Coefficients(DifferenceScheme.Central, 2, 4, [-2, -1, 0, 1, 2], [-1.0 / 12, 4.0 / 3, -2.5, 4.0 / 3, -1.0 / 12]);
        Coefficients(DifferenceScheme.Forward, 2, 4, [0, 1, 2, 3, 4, 5], [15.0 / 4, -77.0 / 6, 107.0 / 6, -13, 61.0 / 12, -5.0 / 6]);
        Coefficients(DifferenceScheme.Backward, 2, 4, [-5, -4, -3, -2, -1, 0], [-5.0 / 6, 61.0 / 12, -13, 107.0 / 6, -77.0 / 6, 15.0 / 4]);
    }

    /// <summary>The order of accuracy measured from outside: the stencil differentiates xᵏ exactly
    /// for k &lt; d + p and not for k = d + p.</summary>
    private static void AssertAccuracy(DifferenceScheme scheme, int deriv, int acc)
    {
        var s = DiffNative.Stencils.Get(scheme, deriv, acc);
        Assert.Equal(acc, s.Accuracy);
        double Apply(int k)
        {
            var sum = 0.0;
            for (var j = 0; j < s.Offsets.Length; j++) sum += s.Weights[j] * Math.Pow(s.Offsets[j], k);
            return sum;
        }
        static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
        for (var k = 0; k < deriv + acc; k++)
            Assert.True(Math.Abs(Apply(k) - (k == deriv ? Factorial(deriv) : 0)) < 1e-9, $"x^{k}: {Apply(k)}");
        Assert.True(Math.Abs(Apply(deriv + acc)) > 1e-9, $"x^{deriv + acc} should not be exact");
    }

    /// <summary>test_coefs.py (11ce4294), test_calc_accuracy_central_deriv2_acc2 /
    /// _central_deriv1_acc2 / _left1_right0_deriv1_acc1 / _left0_right3_deriv1_acc3: the offsets
    /// −1..1, −1..0, 0..3 give accuracy 2, 2, 1, 3.</summary>
    [Fact]
    public void Calc_accuracy()
    {
        Assert.Equal([-1.0, 0, 1], DiffNative.Stencils.Get(DifferenceScheme.Central, 2, 2).Offsets.ToArray());
        AssertAccuracy(DifferenceScheme.Central, 2, 2);
        Assert.Equal([-1.0, 0, 1], DiffNative.Stencils.Get(DifferenceScheme.Central, 1, 2).Offsets.ToArray());
        AssertAccuracy(DifferenceScheme.Central, 1, 2);
        Assert.Equal([-1.0, 0], DiffNative.Stencils.Get(DifferenceScheme.Backward, 1, 1).Offsets.ToArray());
        AssertAccuracy(DifferenceScheme.Backward, 1, 1);
        Assert.Equal([0.0, 1, 2, 3], DiffNative.Stencils.Get(DifferenceScheme.Forward, 1, 3).Offsets.ToArray());
        AssertAccuracy(DifferenceScheme.Forward, 1, 3);
    }

    /// <summary>test_coefs.py, TestCoefs.test_non_uniform: weights for the second derivative at
    /// linspace(0, 10, 100)[5] from its neighbours equal [1, −2, 1]/dx².</summary>
    [Fact]
    public void Non_uniform()
    {
        var x = PeerFunctions.Linspace(0, 10, 100);
        var dx = x[1] - x[0];
        var w = FiniteDifferenceWeights.Compute(2, [x[4], x[5], x[6]], at: x[5]);
        new PeerCheck().Within("weights at x[5]", w, [1 / (dx * dx), -2 / (dx * dx), 1 / (dx * dx)], Delta, strict: true).Verify();
    }

    /// <summary>test_coefs.py (11ce4294), TestCoefs.test_invalid_acc_raises_exception: central
    /// accuracy 3 and accuracy 0 are refused.</summary>
    [Fact]
    public void Invalid_acc_raises_exception()
    {
        Assert.ThrowsAny<ArgumentException>(() => DiffNative.Stencils.Get(DifferenceScheme.Central, 1, 3));
        Assert.ThrowsAny<ArgumentException>(() => DiffNative.Stencils.Get(DifferenceScheme.Central, 1, 0));
        Assert.ThrowsAny<ArgumentException>(() => Differentiate.Derivative(Math.Sin, 1.0, new DerivativeOptions { Accuracy = 3 }));
        Assert.ThrowsAny<ArgumentException>(() => Differentiate.Derivative(Math.Sin, 1.0, new DerivativeOptions { Accuracy = 0 }));
    }
}

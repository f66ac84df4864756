namespace DiffNative.Cli.Charts;

/// <summary>f and f′ sampled on a uniform grid, and the derivative at the tangent point. f′ comes
/// from the adaptive (Richardson) engine because it is the method with an error estimate; a point
/// where the derivative does not exist (a kink, f not finite at or near it) holds NaN, so the
/// chart shows a gap rather than a confident wrong number. Where extrapolation did not converge
/// the value is kept and its (large) error estimate shows as the band.</summary>
internal sealed record DerivativeCurve(
    double[] X, double[] Value, double[] Derivative, double[] Error,
    double TangentX, double ValueAtTangent, DerivativeResult Tangent, long Evaluations)
{
    /// <summary>How many sampled values of f are finite.</summary>
    internal int FiniteValues => Value.Count(double.IsFinite);

    internal static DerivativeCurve Sample(Func<double, double> f, double from, double to, int points, double tangentX)
    {
        // The chart cannot show features narrower than a few pixels, so f may be taken to vary on
        // that scale: with the default (max(|x|, 1)) the first Ridders steps can straddle a whole
        // wiggle of sin(10x) and extrapolation gives up after 6 evaluations.
        var adaptive = new DerivativeOptions { Method = DerivativeMethod.Adaptive, TypicalScale = (to - from) / 100 };
        var x = new double[points];
        var value = new double[points];
        var derivative = new double[points];
        var error = new double[points];
        long evaluations = 0;
        for (var i = 0; i < points; i++)
        {
            // from + i·(to − from)/(points − 1) could round past 'to'; the last point is 'to' itself.
            x[i] = i == points - 1 ? to : from + (to - from) * i / (points - 1);
            value[i] = f(x[i]);
            var r = Differentiate.Derivative(t => f(t), x[i], adaptive);
            evaluations += 1 + r.Evaluations;
            // Central stencils never evaluate f at x itself, so a pole there (1/x at 0) would
            // otherwise get a number; without f(x) there is no derivative at x.
            var trusted = double.IsFinite(value[i]) && r.Status is DerivativeStatus.Ok or DerivativeStatus.NotConverged;
            derivative[i] = trusted ? r.Value : double.NaN;
            error[i] = trusted ? r.Error ?? 0 : double.NaN;
        }
        var tangent = Differentiate.Derivative(t => f(t), tangentX, adaptive);
        evaluations += 1 + tangent.Evaluations;
        return new DerivativeCurve(x, value, derivative, error, tangentX, f(tangentX), tangent, evaluations);
    }
}

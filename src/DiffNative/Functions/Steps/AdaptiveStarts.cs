namespace DiffNative;

/// <summary>Where an adaptive sequence starts, and when it has converged: the rule the scalar
/// engine and every multivariate adaptive operation share. The first start is 0.1·max(|x|, scale);
/// when that does not converge, f varies faster than the scale says, and the next starts are
/// 0.1·|x| (f may vary on the scale of x itself: 1/x, log near 0), 0.1·scale (wherever x is: sin at
/// 1e4), then ten times smaller each time (sin(100x) at 3).</summary>
internal static class AdaptiveStarts
{
    /// <summary>Starts tried after the first.</summary>
    internal const int Restarts = 3;

    internal static double First(double x, double scale) => 0.1 * Math.Max(Math.Abs(x), scale);

    /// <summary>The start after <paramref name="previous"/>, for restart number
    /// <paramref name="restart"/> (0-based).</summary>
    internal static double Next(double x, double scale, double previous, int restart)
    {
        var ax = Math.Abs(x);
        if (restart == 0 && ax > 0 && ax < scale / 4) return 0.1 * ax;
        if (restart == 0 && ax > 4 * scale) return 0.1 * scale;
        return previous / 10;
    }

    /// <summary>The error estimate is below a millionth of the value, or of what f's size over
    /// max(|x|, scale)ᵈ makes of a derivative near zero.</summary>
    internal static bool Converged(double value, double error, double functionScale, double x, double scale, int order)
    {
        if (!double.IsFinite(value) || !(error >= 0)) return false;
        var floor = 1e-6 * functionScale / StencilEvaluation.PowerOfStep(Math.Max(Math.Abs(x), scale), order);
        return error <= Math.Max(1e-6 * Math.Abs(value), floor);
    }
}

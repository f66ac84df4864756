using System.Globalization;
using ScottPlot;

namespace DiffNative.Cli.Charts;

/// <summary>The picture of what a derivative is: f, f′ and the tangent at one point, on one pair
/// of axes so that the tangent's slope can be read off the f′ curve at the same x.</summary>
internal static class DerivativeChart
{
    private const int Width = 1000, Height = 640;

    /// <summary>About the height of the data area in pixels: an error band thinner than one pixel
    /// of it is not drawn (it would be invisible), the legend says how small it is instead.</summary>
    private const double VisibleFraction = 1.0 / 500;

    private static readonly Color FunctionColor = Color.FromHex("#1f77b4");
    private static readonly Color DerivativeColor = Color.FromHex("#d62728");
    private static readonly Color TangentColor = Color.FromHex("#2ca02c");

    internal static void Save(DerivativeCurve curve, string expression, string variable, string path)
    {
        var plot = ChartFile.NewPlot();
        var (bottom, top) = VerticalLimits(curve);
        var span = top - bottom;

        var zero = plot.Add.HorizontalLine(0, 1, Colors.Gray.WithAlpha(0.6));
        zero.LinePattern = LinePattern.Dotted;

        var largestError = curve.Error.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var bandVisible = 2 * largestError >= span * VisibleFraction;
        if (bandVisible)
        {
            var first = true;
            foreach (var (start, length) in FiniteRuns(curve.Derivative, curve.Error))
            {
                var xs = curve.X.AsSpan(start, length).ToArray();
                var lower = xs.Select((_, k) => Math.Max(bottom - span, curve.Derivative[start + k] - curve.Error[start + k])).ToArray();
                var upper = xs.Select((_, k) => Math.Min(top + span, curve.Derivative[start + k] + curve.Error[start + k])).ToArray();
                var band = plot.Add.FillY(xs, lower, upper);
                band.FillColor = DerivativeColor.WithAlpha(0.25);
                band.LineWidth = 0;
                if (first) band.LegendText = "f′ ± adaptive error estimate";
                first = false;
            }
        }

        AddCurve(plot, curve.X, curve.Value, FunctionColor, $"f({variable}) = {expression}");
        AddCurve(plot, curve.X, curve.Derivative, DerivativeColor, bandVisible
            ? $"f′({variable}), adaptive Richardson"
            : $"f′({variable}), adaptive Richardson (error estimate ≤ {largestError.ToString("0.0e+0", CultureInfo.InvariantCulture)}: too thin to draw)");
        AddTangent(plot, curve, variable);

        plot.Axes.SetLimits(curve.X[0], curve.X[^1], bottom, top);
        plot.Title($"f({variable}) = {expression}, its derivative and a tangent");
        plot.XLabel(variable);
        plot.ShowLegend(EmptiestCorner(curve, bottom, top));
        plot.Legend.FontSize = 13;
        ChartFile.Save(plot, path, Width, Height);
    }

    private static void AddCurve(Plot plot, double[] x, double[] y, Color color, string legend)
    {
        var first = true;
        foreach (var (start, length) in FiniteRuns(y))
        {
            var line = plot.Add.ScatterLine(x.AsSpan(start, length).ToArray(), y.AsSpan(start, length).ToArray(), color);
            line.LineWidth = 2.5f;
            if (first) line.LegendText = legend;
            first = false;
        }
    }

    /// <summary>The line y = f(a) + f′(a)(x − a) across the whole range, the point it touches f
    /// at, and the point (a, f′(a)) whose height is that line's slope.</summary>
    private static void AddTangent(Plot plot, DerivativeCurve curve, string variable)
    {
        var a = curve.TangentX;
        var fa = curve.ValueAtTangent;
        var slope = curve.Tangent.Value;
        if (!double.IsFinite(fa) || !double.IsFinite(slope) || curve.Tangent.Status is not (DerivativeStatus.Ok or DerivativeStatus.NotConverged))
            return;
        double left = curve.X[0], right = curve.X[^1];
        var line = plot.Add.Line(left, fa + slope * (left - a), right, fa + slope * (right - a));
        line.Color = TangentColor;
        line.LineWidth = 2;
        line.LinePattern = LinePattern.Dashed;
        var at = a.ToString("G6", CultureInfo.InvariantCulture);
        line.LegendText = $"tangent at {variable} = {at}: slope f′({at}) = {slope.ToString("G8", CultureInfo.InvariantCulture)}";

        var guide = plot.Add.VerticalLine(a, 1, TangentColor.WithAlpha(0.5));
        guide.LinePattern = LinePattern.Dotted;
        var touch = plot.Add.Marker(a, fa, MarkerShape.FilledCircle, 10, FunctionColor);
        touch.MarkerLineColor = Colors.White;
        var height = plot.Add.Marker(a, slope, MarkerShape.FilledCircle, 10, DerivativeColor);
        height.MarkerLineColor = Colors.White;
    }

    /// <summary>The y range to show: everything finite, unless a few values (near a pole, say)
    /// would squash the rest into a line, in which case the middle 90 % of them.</summary>
    internal static (double Bottom, double Top) VerticalLimits(DerivativeCurve curve)
    {
        var values = curve.Value.Concat(curve.Derivative).Where(double.IsFinite).Order().ToArray();
        if (values.Length == 0) return (-1, 1);
        double low = values[0], high = values[^1];
        double q05 = values[(int)(0.05 * (values.Length - 1))], q95 = values[(int)Math.Ceiling(0.95 * (values.Length - 1))];
        if (high - low > 10 * (q95 - q05) && q95 > q05)
            (low, high) = (q05, q95);
        var margin = high > low ? 0.08 * (high - low) : Math.Max(1, Math.Abs(high) * 0.1);
        return (low - margin, high + margin);
    }

    /// <summary>The corner where the legend hides the fewest points of f, f′ and the tangent.</summary>
    private static Alignment EmptiestCorner(DerivativeCurve curve, double bottom, double top)
    {
        double left = curve.X[0], right = curve.X[^1];
        var slope = curve.Tangent.Value;
        var tangent = curve.X.Select(x => curve.ValueAtTangent + slope * (x - curve.TangentX));
        var points = curve.X.Zip(curve.Value).Concat(curve.X.Zip(curve.Derivative)).Concat(curve.X.Zip(tangent))
            .Where(p => double.IsFinite(p.Second)).ToArray();
        // The legend takes about half the width and a fifth of the height of the data area.
        int Count(bool isLeft, bool isTop) => points.Count(p =>
            (isLeft ? p.First <= left + 0.5 * (right - left) : p.First >= right - 0.5 * (right - left)) &&
            (isTop ? p.Second >= top - 0.22 * (top - bottom) : p.Second <= bottom + 0.22 * (top - bottom)));
        return new[]
        {
            (Alignment.UpperLeft, Count(true, true)), (Alignment.UpperRight, Count(false, true)),
            (Alignment.LowerRight, Count(false, false)), (Alignment.LowerLeft, Count(true, false)),
        }.MinBy(c => c.Item2).Item1;
    }

    /// <summary>Maximal runs of indices where every one of the arrays is finite: each run is drawn
    /// as its own line, so a gap in f or f′ stays a gap.</summary>
    internal static IEnumerable<(int Start, int Length)> FiniteRuns(params double[][] arrays)
    {
        var n = arrays[0].Length;
        var start = -1;
        for (var i = 0; i <= n; i++)
        {
            var finite = i < n && arrays.All(a => double.IsFinite(a[i]));
            if (finite && start < 0) start = i;
            else if (!finite && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }
}

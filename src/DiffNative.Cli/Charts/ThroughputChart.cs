using System.Globalization;
using DiffNative.Cli.Commands;
using ScottPlot;
using SkiaSharp;

namespace DiffNative.Cli.Charts;

/// <summary>The <c>bench --chart</c> picture: nanoseconds per element (the table's unit) by size, one
/// panel per kernel on the same log scales, the sizes' own names as ticks, and a title naming the
/// CPU and the day, since timings mean nothing without them. Each path has its own colour and
/// marker and sits a little to one side of the size it was timed at, so that paths with the same
/// timings (memory-bound ones often have) stay visible side by side instead of one over another.</summary>
internal static class ThroughputChart
{
    private const int Width = 1200, Height = 620, TitleHeight = 56, LegendWidth = 230;

    /// <summary>Colour (Okabe–Ito, told apart with every common colour blindness) and marker per
    /// path, in the order they are drawn and listed.</summary>
    private static readonly (string Path, Color Color, MarkerShape Marker)[] Paths =
    [
        ("copy", Color.FromHex("#555555"), MarkerShape.Cross),
        ("managed", Color.FromHex("#E69F00"), MarkerShape.FilledDiamond),
        ("scalar", Color.FromHex("#0072B2"), MarkerShape.FilledCircle),
        ("avx2", Color.FromHex("#009E73"), MarkerShape.FilledSquare),
        ("avx512", Color.FromHex("#CC79A7"), MarkerShape.FilledTriangleUp),
    ];

    /// <summary>How far apart the paths' points at one size are drawn, as a share of the x axis:
    /// about a marker's width.</summary>
    private const double Dodge = 0.03;

    internal static void Save(IReadOnlyList<BenchCommand.Row> rows, string path, DateTime when)
    {
        var panels = Panels(rows);
        var multiplot = new Multiplot(panels[0]) { Layout = new UnderTitle() };
        foreach (var panel in panels.Skip(1)) multiplot.AddPlot(panel);
        ChartFile.Write(Render(multiplot, Title(when)), path);
    }

    /// <summary>The title: what is drawn, on which CPU, on which day.</summary>
    internal static string Title(DateTime when) =>
        $"diffnative bench: ns per element, lower is better — {CpuName.Get()}, {when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>One panel per kernel, in the order the rows name them; y is log10 of ns per
    /// element, x log10 of the size shifted by the path's place.</summary>
    internal static List<Plot> Panels(IReadOnlyList<BenchCommand.Row> rows)
    {
        var kernels = rows.Where(r => r.Kernel != "copy").Select(r => r.Kernel).Distinct().ToArray();
        var paths = Paths.Where(p => rows.Any(r => PathOf(r) == p.Path)).ToArray();
        var sizes = rows.Select(r => r.Size).Distinct().Order().ToArray();
        var ns = rows.Select(r => r.NsPerElement).Where(v => v > 0).ToArray();
        var ticks = OneTwoFive(ns.Min(), ns.Max());
        var span = Math.Log10(sizes[^1] / (double)sizes[0]);
        var margin = Math.Max(0.15 * span, 0.5);
        var dodge = Dodge * (span + 2 * margin);

        var panels = new List<Plot>();
        foreach (var kernel in kernels)
        {
            var plot = ChartFile.NewPlot();
            for (var p = 0; p < paths.Length; p++)
            {
                var (name, color, marker) = paths[p];
                var points = rows.Where(r => PathOf(r) == name && (r.Kernel == kernel || name == "copy")).OrderBy(r => r.Size).ToArray();
                if (points.Length == 0) continue;
                var shift = (p - (paths.Length - 1) / 2.0) * dodge;
                var line = plot.Add.Scatter(points.Select(r => Math.Log10(r.Size) + shift).ToArray(), points.Select(r => Math.Log10(r.NsPerElement)).ToArray(), color);
                line.MarkerShape = marker;
                line.MarkerSize = 11;
                line.LineWidth = 2;
                line.LinePattern = name == "copy" ? LinePattern.Dotted : LinePattern.Solid;
                line.LegendText = name == "copy" ? "copy (memory bandwidth)" : name;
            }
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                sizes.Select(s => Math.Log10(s)).ToArray(), sizes.Select(SizeName).ToArray());
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                ticks.Select(Math.Log10).ToArray(), ticks.Select(t => t.ToString("G4", CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.SetLimits(Math.Log10(sizes[0]) - margin, Math.Log10(sizes[^1]) + margin,
                Math.Log10(ticks[0]) - 0.05, Math.Log10(ticks[^1]) + 0.05);
            plot.Title(kernel);
            plot.XLabel("elements (log scale)");
            plot.YLabel("ns per element (log scale)");
            // The paths are the same in every panel: one legend, beside the last (inside, it hid lines).
            if (kernel == kernels[^1]) plot.ShowLegend(Edge.Right);
            else plot.HideLegend();
            panels.Add(plot);
        }
        return panels;
    }

    /// <summary>The panels under one title line (ScottPlot titles one plot, not a row of them).</summary>
    private static byte[] Render(Multiplot multiplot, string title)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        surface.Canvas.Clear(SKColors.White);
        multiplot.Render(surface.Canvas, new PixelRect(0, Width, Height, 0));
        using var typeface = SKTypeface.FromFamilyName(ChartFile.SansFamily, SKFontStyle.Bold);
        using var font = new SKFont(typeface, 20);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        surface.Canvas.DrawText(title, Width / 2f, TitleHeight * 0.62f, SKTextAlign.Center, font, paint);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Panels side by side below the title band, the last one wider by the legend it
    /// carries, so that every panel's data area is the same width.</summary>
    private sealed class UnderTitle : IMultiplotLayout
    {
        public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figure)
        {
            var n = subplots.Count;
            var width = (figure.Width - LegendWidth) / n;
            return Enumerable.Range(0, n).Select(i => new PixelRect(
                figure.Left + i * width,
                i == n - 1 ? figure.Right : figure.Left + (i + 1) * width,
                figure.Bottom,
                figure.Top + TitleHeight)).ToArray();
        }
    }

    private static string PathOf(BenchCommand.Row row) => row.Kernel == "copy" ? "copy" : row.Isa ?? row.Backend;

    /// <summary>4096 → "4 K", 1048576 → "1 M": the sizes as the table names them.</summary>
    internal static string SizeName(int size) =>
        size % (1 << 20) == 0 ? $"{size >> 20} M" : size % (1 << 10) == 0 ? $"{size >> 10} K" : size.ToString(CultureInfo.InvariantCulture);

    /// <summary>1, 2, 5, 10, 20, … from the one at or below <paramref name="low"/> to the one at or
    /// above <paramref name="high"/>: ticks a reader can interpolate between on a log axis.</summary>
    internal static double[] OneTwoFive(double low, double high)
    {
        var ticks = new List<double>();
        for (var decade = Math.Floor(Math.Log10(low)); decade <= Math.Ceiling(Math.Log10(high)); decade++)
            foreach (var m in new[] { 1.0, 2.0, 5.0 })
                ticks.Add(m * Math.Pow(10, decade));
        var first = Math.Max(0, ticks.FindLastIndex(t => t <= low));
        var last = ticks.FindIndex(t => t >= high);
        if (last < 0) last = ticks.Count - 1;
        return ticks.GetRange(first, last - first + 1).ToArray();
    }
}

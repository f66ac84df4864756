using DiffNative.Cli.Charts;
using DiffNative.Cli.Commands;
using ScottPlot.Plottables;
using SkiaSharp;

namespace DiffNative.Tests.Cli;

/// <summary>The <c>bench --chart</c> picture: the table's unit, sizes named as the table names them,
/// a colour and a marker per path that keep paths with equal timings visible, and a title that
/// names the CPU and the day.</summary>
public class ThroughputChartTests
{
    private static readonly string[] Paths = ["managed", "scalar", "avx2", "avx512"];

    /// <summary>Rows as the bench makes them, with a time per path, kernel and size from
    /// <paramref name="ns"/> (1 ns for every one: the case where lines hid each other).</summary>
    private static List<BenchCommand.Row> Rows(Func<string, string, int, double> ns)
    {
        var rows = new List<BenchCommand.Row>();
        foreach (var size in new[] { 4096, 65536, 1 << 20, 1 << 24 })
        {
            rows.Add(new BenchCommand.Row("copy", null, "memory", size, ns("copy", "copy", size)));
            foreach (var path in Paths)
                foreach (var kernel in new[] { "sampled_gradient", "grid_derivative_acc8" })
                    rows.Add(new BenchCommand.Row(kernel, path == "managed" ? null : path, path == "managed" ? "managed" : "native", size, ns(kernel, path, size)));
        }
        return rows;
    }

    [Theory]
    [InlineData(4096, "4 K")]
    [InlineData(65536, "64 K")]
    [InlineData(1 << 20, "1 M")]
    [InlineData(1 << 24, "16 M")]
    [InlineData(1000, "1000")]
    public void Sizes_are_named_as_the_table_names_them(int size, string name) =>
        Assert.Equal(name, ThroughputChart.SizeName(size));

    [Fact]
    public void The_x_axis_ticks_are_the_sizes_by_name()
    {
        foreach (var panel in ThroughputChart.Panels(Rows((_, _, _) => 1)))
        {
            panel.GetImageBytes(600, 500, ScottPlot.ImageFormat.Png);   // ticks are laid out when drawn
            var ticks = Assert.IsType<ScottPlot.TickGenerators.NumericManual>(panel.Axes.Bottom.TickGenerator).Ticks;
            Assert.Equal(["4 K", "64 K", "1 M", "16 M"], ticks.Select(t => t.Label));
            Assert.Equal([Math.Log10(4096), Math.Log10(65536), Math.Log10(1 << 20), Math.Log10(1 << 24)], ticks.Select(t => t.Position));
        }
    }

    [Fact]
    public void Y_ticks_run_one_two_five_across_the_data() =>
        Assert.Equal([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100], ThroughputChart.OneTwoFive(0.18, 55), new ToleranceComparer(1e-12));

    /// <summary>The chart plots ns per element, the unit of the table (it plotted elements per ns).</summary>
    [Fact]
    public void Points_are_the_tables_ns_per_element_on_a_log_axis()
    {
        static double Ns(string kernel, string path, int size) => (kernel.Length + path.Length) * 0.1 + size / 1e7;
        var rows = Rows(Ns);
        var panels = ThroughputChart.Panels(rows);
        Assert.Equal(2, panels.Count);
        foreach (var (panel, kernel) in panels.Zip(new[] { "sampled_gradient", "grid_derivative_acc8" }))
            foreach (var scatter in panel.GetPlottables<Scatter>())
            {
                var path = scatter.LegendText.StartsWith("copy", StringComparison.Ordinal) ? "copy" : scatter.LegendText;
                var expected = rows.Where(r => (r.Kernel == "copy" ? "copy" : r.Isa ?? "managed") == path && (r.Kernel == kernel || path == "copy"))
                    .OrderBy(r => r.Size).ToArray();
                var points = scatter.Data.GetScatterPoints();
                Assert.Equal(expected.Select(r => Math.Log10(r.NsPerElement)), points.Select(p => p.Y));
                // Each point sits beside its size, nearer to it than to the next (1.2 decades away).
                Assert.All(points.Zip(expected), p => Assert.InRange(p.First.X - Math.Log10(p.Second.Size), -0.5, 0.5));
            }
    }

    [Fact]
    public void Every_path_has_its_own_colour_and_marker()
    {
        foreach (var panel in ThroughputChart.Panels(Rows((_, _, _) => 1)))
        {
            var scatters = panel.GetPlottables<Scatter>().ToArray();
            Assert.Equal(["copy (memory bandwidth)", .. Paths], scatters.Select(s => s.LegendText));
            Assert.Equal(scatters.Length, scatters.Select(s => s.Color).Distinct().Count());
            Assert.Equal(scatters.Length, scatters.Select(s => s.MarkerShape).Distinct().Count());
        }
    }

    /// <summary>Every path with exactly the same timings (memory-bound kernels have them): each one's
    /// colour still shows in the picture, where it was one line over the others.</summary>
    [Fact]
    public void Paths_with_equal_timings_all_show()
    {
        var rows = Rows((_, _, _) => 0.5);
        var colours = ThroughputChart.Panels(rows)[0].GetPlottables<Scatter>().Select(s => s.Color).ToArray();
        var file = Path.Combine(Path.GetTempPath(), $"diffnative-chart-{Guid.NewGuid():N}.png");
        try
        {
            ThroughputChart.Save(rows, file, new DateTime(2025, 3, 4));
            using var image = SKBitmap.Decode(file);
            foreach (var colour in colours)
            {
                var seen = 0;
                for (var y = 0; y < image.Height; y++)
                    for (var x = 0; x < image.Width; x++)
                    {
                        var p = image.GetPixel(x, y);
                        if (Math.Abs(p.Red - colour.R) + Math.Abs(p.Green - colour.G) + Math.Abs(p.Blue - colour.B) <= 24) seen++;
                    }
                // The legend alone draws a short line and a marker of each colour (about 40 pixels);
                // each panel's markers add more than that.
                Assert.True(seen > 150, $"{colour.ToHex()}: {seen} pixels");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_title_names_the_cpu_and_the_day()
    {
        var title = ThroughputChart.Title(new DateTime(2025, 3, 4, 23, 59, 0));
        Assert.Contains("2025-03-04", title);
        Assert.Contains("ns per element", title);
        if (File.Exists("/proc/cpuinfo"))
        {
            var model = File.ReadLines("/proc/cpuinfo").First(l => l.StartsWith("model name", StringComparison.Ordinal)).Split(':', 2)[1];
            Assert.Contains(string.Join(' ', model.Split(' ', StringSplitOptions.RemoveEmptyEntries)), title);
        }
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(b));

        public int GetHashCode(double value) => 0;
    }
}

using DiffNative.Cli.Files;

namespace DiffNative.Cli.Charts;

/// <summary>Where every verb's <c>--chart</c> goes: a PNG path, checked before any work is done and
/// written atomically (<see cref="OutputFile"/>), in the look every chart shares.</summary>
internal static class ChartFile
{
    /// <summary>Refuses a path that cannot take a PNG: not ending in .png, a folder, or in a folder
    /// that does not exist. Writability is only known when writing; <see cref="Save"/> reports it.</summary>
    /// <exception cref="FormatException">The message names the option and the path.</exception>
    internal static void Check(string path, string option = "--chart")
    {
        if (string.IsNullOrWhiteSpace(path) || !path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"{option}: '{path}' must be a .png file.");
        OutputFile.Check(path, option);
    }

    /// <summary>Sans-serif families to look for, in order; ScottPlot's own default falls back to
    /// a serif face on a bare Linux machine (only DejaVu installed).</summary>
    private static readonly string[] SansFamilies = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"];

    private static readonly Lazy<string?> InstalledSans = new(() =>
    {
        var installed = SkiaSharp.SKFontManager.Default.GetFontFamilies();
        return SansFamilies.FirstOrDefault(f => installed.Contains(f, StringComparer.OrdinalIgnoreCase));
    });

    /// <summary>The sans-serif family charts use, or SkiaSharp's default where none is installed.</summary>
    internal static string SansFamily => InstalledSans.Value ?? SkiaSharp.SKTypeface.Default.FamilyName;

    /// <summary>A plot in the look every chart shares: a sans-serif font where one is installed.</summary>
    internal static ScottPlot.Plot NewPlot()
    {
        var plot = new ScottPlot.Plot();
        if (InstalledSans.Value is { } family) plot.Font.Set(family);
        return plot;
    }

    /// <summary>Renders <paramref name="plot"/> as a PNG at <paramref name="path"/>, atomically.</summary>
    /// <exception cref="IOException">The file could not be written (the message names it); any
    /// earlier file at the path is left as it was.</exception>
    internal static void Save(ScottPlot.Plot plot, string path, int width, int height)
    {
        Write(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png), path);
    }

    /// <summary>Writes an encoded PNG at <paramref name="path"/>, atomically.</summary>
    /// <inheritdoc cref="Save" path="/exception"/>
    internal static void Write(byte[] png, string path) => OutputFile.Write(path, "--chart", stream => stream.Write(png));
}

using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace DiffNative.Cli.Commands;

/// <summary>Numeric columns read from a CSV file with a header row (CsvHelper does the parsing).
/// Every problem names the row and column: row N is the N-th data row, on line N + 1.</summary>
internal static class SampleTable
{
    internal static (double[] Y, double[]? X) Read(string path, string yColumn, string? xColumn)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"--input: '{path}' does not exist.");
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            throw new FormatException($"--input: '{path}' has no header row.");
        var yIndex = Column(header, yColumn, "--y", path);
        var xIndex = xColumn is null ? -1 : Column(header, xColumn, "--x", path);
        var y = new List<double>();
        var x = new List<double>();
        var row = 0;
        while (csv.Read())
        {
            row++;
            y.Add(Cell(csv, yIndex, yColumn, row));
            if (xIndex < 0) continue;
            var value = Cell(csv, xIndex, xColumn!, row);
            if (x.Count > 0 && !(value > x[^1]))
                throw new FormatException($"row {row} (line {row + 1}), column '{xColumn}': {Format(value)} does not exceed the previous {Format(x[^1])}; x must be strictly increasing.");
            x.Add(value);
        }
        return (y.ToArray(), xIndex < 0 ? null : x.ToArray());
    }

    private static int Column(string[] header, string name, string option, string path)
    {
        var index = Array.IndexOf(header, name);
        if (index < 0)
            throw new FormatException($"{option}: column '{name}' is not in '{path}' (columns: {string.Join(", ", header)}).");
        return index;
    }

    private static double Cell(CsvReader csv, int index, string column, int row)
    {
        var text = index < csv.Parser.Count ? csv.GetField(index) : null;
        if (string.IsNullOrEmpty(text))
            throw new FormatException($"row {row} (line {row + 1}), column '{column}': the cell is empty.");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new FormatException($"row {row} (line {row + 1}), column '{column}': '{text}' is not a finite number.");
        return value;
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Writes one column to a temporary file and moves it into place, so a failure never
    /// leaves a half-written output.</summary>
    internal static void Write(string path, string header, ReadOnlySpan<double> values)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary))
            using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
            {
                csv.WriteField(header);
                csv.NextRecord();
                foreach (var v in values)
                {
                    csv.WriteField(Format(v));
                    csv.NextRecord();
                }
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}

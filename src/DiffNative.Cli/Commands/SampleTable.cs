using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DiffNative.Cli.Files;

namespace DiffNative.Cli.Commands;

/// <summary>Numeric columns read from a CSV file with a header row (CsvHelper does the parsing).
/// Every problem names the row and column: row N is the N-th data row (blank lines do not count),
/// and the line is where that row starts in the file, counting blank lines and line breaks inside
/// quoted fields.</summary>
internal static class SampleTable
{
    internal static (double[] Y, double[]? X) Read(string path, string yColumn, string? xColumn)
    {
        using var reader = InputFile.OpenText(path, "--input");
        try
        {
            return new Reader(path, reader).Columns(yColumn, xColumn);
        }
        catch (Exception e) when (FileErrors.IsFileSystem(e))
        {
            throw InputFile.ReadFailed(path, "--input", e);
        }
    }

    /// <summary>Writes one column atomically (<see cref="OutputFile"/>).</summary>
    internal static void Write(string path, string header, ReadOnlySpan<double> values)
    {
        var lines = new string[values.Length];
        for (var i = 0; i < values.Length; i++) lines[i] = Format(values[i]);
        OutputFile.Write(path, "--output", stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            csv.WriteField(header);
            csv.NextRecord();
            foreach (var line in lines)
            {
                csv.WriteField(line);
                csv.NextRecord();
            }
        });
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Far more than any number needs: a longer field is an unclosed quote or not a CSV
    /// file (a binary file, /dev/zero), and reading on would take memory without end.</summary>
    private const int LongestField = 1 << 20;

    /// <summary>One pass over the file, keeping count of rows and lines for messages.</summary>
    private sealed class Reader
    {
        private readonly string path;
        private readonly CsvReader csv;
        private int lineBreaksBefore;   // line breaks in every record before the current one
        private int line;               // the line the current record starts on
        private int row;                // the current record's data row; 0 for the header
        private bool headerRead;

        internal Reader(string path, TextReader text)
        {
            this.path = path;
            // Blank lines come through as records so that every line break is counted; they are
            // skipped below. A stray or unclosed quote is an error that names where it is (fields
            // are parsed when first read, so this runs after NextRecord has moved line and row).
            csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                TrimOptions = TrimOptions.Trim,
                IgnoreBlankLines = false,
                MaxFieldSize = LongestField,
                BadDataFound = args => throw new FormatException(
                    $"{Where()}: a stray or unclosed quote in '{Shown(args.Field)}'; a quoted field must end with a quote before the next comma or line."),
            });
        }

        internal (double[] Y, double[]? X) Columns(string yColumn, string? xColumn)
        {
            if (!NextRecord() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
                throw new FormatException($"--input: '{path}' has no header row.");
            headerRead = true;
            var yIndex = Column(header, yColumn, "--y");
            var xIndex = xColumn is null ? -1 : Column(header, xColumn, "--x");
            var y = new List<double>();
            var x = new List<double>();
            while (NextRecord())
            {
                y.Add(Cell(yIndex, yColumn));
                if (xIndex < 0) continue;
                var value = Cell(xIndex, xColumn!);
                if (x.Count > 0 && !(value > x[^1]))
                    throw new FormatException($"{Where()}, column '{xColumn}': {Format(value)} does not exceed the previous {Format(x[^1])}; x must be strictly increasing.");
                x.Add(value);
            }
            return (y.ToArray(), xIndex < 0 ? null : x.ToArray());
        }

        /// <summary>Reads up to the next record that is not a blank line, and moves the line and
        /// row that messages name to it.</summary>
        private bool NextRecord()
        {
            bool read;
            try
            {
                read = csv.Read();
                while (read && string.IsNullOrWhiteSpace(csv.Parser.RawRecord))
                {
                    lineBreaksBefore += LineBreaks(csv.Parser.RawRecord);
                    read = csv.Read();
                }
            }
            catch (MaxFieldSizeException e)
            {
                throw new FormatException($"--input '{path}', line {lineBreaksBefore + 1}: a field longer than {LongestField} characters (an unclosed quote, or not a CSV file).", e);
            }
            catch (CsvHelperException e)
            {
                // Any other complaint of the parser's (bad quotes are caught above, with the field).
                throw new FormatException($"--input '{path}', line {lineBreaksBefore + 1}: not valid CSV ({e.GetType().Name}).", e);
            }
            if (!read) return false;
            line = lineBreaksBefore + 1;
            lineBreaksBefore += LineBreaks(csv.Parser.RawRecord);
            if (headerRead) row++;
            return true;
        }

        private int Column(string[] header, string name, string option)
        {
            var index = Array.IndexOf(header, name);
            if (index < 0)
                throw new FormatException($"{option}: column '{name}' is not in '{path}' (columns: {string.Join(", ", header)}).");
            return index;
        }

        private double Cell(int index, string column)
        {
            var text = index < csv.Parser.Count ? csv.GetField(index) : null;
            if (string.IsNullOrEmpty(text))
                throw new FormatException($"{Where()}, column '{column}': the cell is empty.");
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw new FormatException($"{Where()}, column '{column}': '{Shown(text)}' is not a finite number.");
            return value;
        }

        /// <summary>"--input 'data.csv', row 3 (line 6)", or "…, header (line 1)".</summary>
        private string Where() => $"--input '{path}', " + (row > 0 ? $"row {row} (line {line})" : $"header (line {line})");

        /// <summary>A cell as it can be shown on one line: line breaks escaped, long text cut
        /// (an unclosed quote takes in the rest of the file).</summary>
        private static string Shown(string? text)
        {
            const int longest = 40;
            text ??= "";
            var shown = text.Length > longest ? text[..longest] + "…" : text;
            return shown.Replace("\r", "\\r").Replace("\n", "\\n");
        }

        /// <summary>Line breaks in a record's raw text: \n, \r\n or a lone \r each count once.</summary>
        private static int LineBreaks(string raw)
        {
            var count = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] == '\n') count++;
                else if (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')) count++;
            }
            return count;
        }
    }
}

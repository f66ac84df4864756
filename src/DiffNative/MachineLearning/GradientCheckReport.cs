using System.Globalization;
using System.Text;

namespace DiffNative.MachineLearning;

/// <summary>One compared entry: for a Jacobian, row k = output and column i = input (a gradient
/// has one row); in the fast mode row and column are the direction's number.</summary>
/// <param name="Index">Flat index (row·n + column), or the direction's number.</param>
/// <param name="Row">The output (0 for gradients).</param>
/// <param name="Column">The input.</param>
/// <param name="Analytic">The hand-written value.</param>
/// <param name="Numeric">The finite-difference value.</param>
/// <param name="AbsoluteError">|analytic − numeric|.</param>
/// <param name="RelativeError">|analytic − numeric| / max(|analytic|, |numeric|), 0 when both are 0.</param>
public sealed record GradientCheckEntry(int Index, int Row, int Column, double Analytic, double Numeric, double AbsoluteError, double RelativeError)
{
    /// <summary>One line: where, both values, both errors.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"[{Row}, {Column}] analytic {Analytic:R} numeric {Numeric:R} abs {AbsoluteError:E2} rel {RelativeError:E2}");
}

/// <summary>The outcome of a gradient check.</summary>
/// <param name="Passed">Every entry within tolerance.</param>
/// <param name="Checked">Entries (or directions) compared.</param>
/// <param name="Failures">Entries outside tolerance.</param>
/// <param name="MaxAbsoluteError">Largest absolute error.</param>
/// <param name="MaxRelativeError">Largest relative error.</param>
/// <param name="Worst">The entries furthest outside (or nearest to) their tolerance, worst first.</param>
public sealed record GradientCheckReport(bool Passed, int Checked, int Failures, double MaxAbsoluteError, double MaxRelativeError,
    IReadOnlyList<GradientCheckEntry> Worst)
{
    /// <summary>A summary line and the worst entries, one per line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{(Passed ? "passed" : "FAILED")}: {Failures} of {Checked} outside tolerance; max abs {MaxAbsoluteError:E2}, max rel {MaxRelativeError:E2}"));
        foreach (var entry in Worst) text.Append('\n').Append("  ").Append(entry);
        return text.ToString();
    }
}

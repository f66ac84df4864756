using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DiffNative.Benchmarks;

/// <summary>Throughput as elements per nanosecond: the Size parameter over the mean time.</summary>
public sealed class ElementsPerNanosecondColumn : IColumn
{
    public string Id => nameof(ElementsPerNanosecondColumn);
    public string ColumnName => "Elements/ns";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Elements processed per nanosecond (Size / Mean)";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var size = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Size")?.Value;
        if (report?.ResultStatistics is not { } stats || size is not int n || stats.Mean <= 0)
            return "-";
        return (n / stats.Mean).ToString("0.000");
    }

    public override string ToString() => ColumnName;
}

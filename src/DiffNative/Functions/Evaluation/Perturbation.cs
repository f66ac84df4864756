namespace DiffNative;

/// <summary>One point of a stencil: x + T·v + A·e_I + B·e_J, where v is the plan's direction
/// (if any) and an index of −1 means no change on that axis.</summary>
internal readonly record struct Perturbation(int I, double A, int J, double B, double T)
{
    internal static Perturbation Centre => new(-1, 0, -1, 0, 0);
    internal static Perturbation Axis(int i, double a) => new(i, a, -1, 0, 0);
    internal static Perturbation Pair(int i, double a, int j, double b) => new(i, a, j, b, 0);
}

/// <summary>The points an operation evaluates, generated on demand (no list is stored).</summary>
internal interface IPointPlan
{
    int Count { get; }
    Perturbation this[int k] { get; }
}

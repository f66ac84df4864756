namespace DiffNative;

/// <summary>f: Rⁿ → R at one point. Must not keep <paramref name="x"/>: the buffer is reused.</summary>
public delegate double ScalarFunction(ReadOnlySpan<double> x);

/// <summary>f: Rⁿ → Rᵐ at one point, writing the m values into <paramref name="y"/>.</summary>
public delegate void VectorFunction(ReadOnlySpan<double> x, Span<double> y);

/// <summary>f: Rⁿ → R at many points at once, so the caller can vectorise, parallelise or send the
/// work elsewhere. <paramref name="points"/> holds the points as rows of length
/// <paramref name="dimension"/> (row-major); write one value per row into <paramref name="values"/>.</summary>
public delegate void BatchScalarFunction(ReadOnlySpan<double> points, int dimension, Span<double> values);

/// <summary>f: Rⁿ → Rᵐ at many points at once: rows of <paramref name="dimension"/> in
/// <paramref name="points"/>, m values per row into <paramref name="values"/> (row-major).</summary>
public delegate void BatchVectorFunction(ReadOnlySpan<double> points, int dimension, Span<double> values);

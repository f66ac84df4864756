namespace DiffNative;

/// <summary>Where a stencil's points lie relative to the point of differentiation.</summary>
public enum DifferenceScheme
{
    /// <summary>Symmetric about the point: accuracy orders 2, 4, 6, 8.</summary>
    Central,

    /// <summary>At and after the point: accuracy orders 1..6.</summary>
    Forward,

    /// <summary>At and before the point: accuracy orders 1..6.</summary>
    Backward,
}

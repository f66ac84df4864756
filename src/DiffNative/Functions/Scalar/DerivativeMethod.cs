namespace DiffNative;

/// <summary>How a derivative is computed. The names are the CLI's <c>--method</c> values.</summary>
public enum DerivativeMethod
{
    /// <summary>A central stencil (accuracy 2, 4, 6 or 8) with the error-balancing step.</summary>
    Central,

    /// <summary>A forward stencil (accuracy 1..6): samples at and after x only.</summary>
    Forward,

    /// <summary>A backward stencil (accuracy 1..6): samples at and before x only.</summary>
    Backward,

    /// <summary>The complex-step first derivative Im f(x + ih)/h, exact to rounding; needs the
    /// function written over System.Numerics.Complex.</summary>
    Complex,

    /// <summary>Richardson extrapolation over a shrinking sequence of central steps (Ridders),
    /// with an error estimate.</summary>
    Adaptive,
}

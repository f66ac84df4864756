namespace DiffNative.MachineLearning;

/// <summary>The precision a checked function computes in, which decides how far apart the
/// gradient checker's finite-difference points must be.</summary>
public enum NumericPrecision
{
    /// <summary>IEEE double (ε = 2⁻⁵²): the library's error-balancing steps.</summary>
    Double = 0,

    /// <summary>IEEE single, float (ε = 2⁻²³): steps ε_f^(1/(p+1))·max(|x|, 1) for accuracy p, so
    /// that the function's float rounding does not swamp the difference quotient.</summary>
    Single = 1,
}

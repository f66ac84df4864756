namespace DiffNative.Optimization;

/// <summary>How <see cref="Optimize.LeastSquares"/> differences the Jacobian of the residuals when
/// no analytic one is given.</summary>
public enum JacobianMethod
{
    /// <summary>Forward differences of accuracy order 1, as MINPACK's lmdif: the cheapest, with
    /// about half the digits of the residuals.</summary>
    Forward,

    /// <summary>Central differences of accuracy order 2: about two thirds of the digits of the
    /// residuals, for two evaluations per variable.</summary>
    Central,
}

namespace DiffNative.Optimization;

/// <summary>How <see cref="Optimize.LeastSquares"/> differences the Jacobian of the residuals when
/// no analytic one is given.</summary>
public enum JacobianMethod
{
    /// <summary>Forward differences of accuracy order 1, as MINPACK's lmdif: n + 1 residual
    /// evaluations per Jacobian.</summary>
    Forward,

    /// <summary>Central differences of accuracy order 2: 2n (+ 1) residual evaluations per
    /// Jacobian, about twice the cost for about twice the correct digits.</summary>
    Central,
}

namespace DiffNative.Interop;

/// <summary>Derivatives of sampled data: gradients, grid derivatives, Laplacians (api_grid.c).</summary>
internal static unsafe partial class NativeCore
{
    internal static void SampledGradient(Isa? isa, ReadOnlySpan<double> samples, double spacing, Span<double> destination)
    {
        fixed (double* y = samples)
        fixed (double* output = destination)
        {
            var status = NativeMethods.dn_sampled_gradient(
                (int)(isa ?? 0), y, (nuint)samples.Length, spacing, output, (nuint)destination.Length);
            Ensure.Success(status, "dn_sampled_gradient");
        }
    }

    internal static void NumpyGradient(Isa? isa, ReadOnlySpan<double> y, double h, int edgeOrder, Span<double> output)
    {
        fixed (double* py = y)
        fixed (double* po = output)
            Ensure.Success(NativeMethods.dn_numpy_gradient((int)(isa ?? 0), py, (nuint)y.Length, h, edgeOrder, po, (nuint)output.Length), "dn_numpy_gradient");
    }

    internal static void NumpyGradientCoordinates(ReadOnlySpan<double> y, ReadOnlySpan<double> x, int edgeOrder, Span<double> output)
    {
        fixed (double* py = y)
        fixed (double* px = x)
        fixed (double* po = output)
            Ensure.Success(NativeMethods.dn_numpy_gradient_coordinates(py, px, (nuint)y.Length, edgeOrder, po, (nuint)output.Length),
                "dn_numpy_gradient_coordinates");
    }

    internal static void GridDerivativeCoordinates(ReadOnlySpan<double> y, ReadOnlySpan<double> x, int derivative, int accuracy, Span<double> output)
    {
        fixed (double* py = y)
        fixed (double* px = x)
        fixed (double* po = output)
            Ensure.Success(NativeMethods.dn_grid_derivative_coordinates(py, px, (nuint)y.Length, derivative, accuracy, po, (nuint)output.Length), "dn_grid_derivative_coordinates");
    }

    /// <summary>dn_grid_derivative, or with parts &gt; 1 its parts on the thread pool (slabs of
    /// axis 0; the same bits).</summary>
    internal static void GridDerivative(Isa? isa, ReadOnlySpan<double> y, ReadOnlySpan<int> shape, int axis, double spacing, int derivative, int accuracy,
        Span<double> output, int parts = 1)
    {
        Span<nuint> dims = stackalloc nuint[shape.Length];
        for (var i = 0; i < shape.Length; i++) dims[i] = (nuint)shape[i];
        fixed (double* py = y)
        fixed (nuint* pd = dims)
        fixed (double* po = output)
        {
            if (parts <= 1)
            {
                Ensure.Success(NativeMethods.dn_grid_derivative((int)(isa ?? 0), py, pd, (nuint)dims.Length, (nuint)axis, spacing, derivative, accuracy, po, (nuint)output.Length), "dn_grid_derivative");
                return;
            }
            // Pinned for the whole parallel loop, which returns before the fixed blocks end.
            GridDerivativeInParts((int)(isa ?? 0), (nint)py, (nint)pd, (nuint)dims.Length, axis, spacing, derivative, accuracy, parts, (nint)po, (nuint)output.Length);
        }
    }

    // Apart from the caller so that its closure is allocated only when parts run in parallel.
    private static void GridDerivativeInParts(int isa, nint y, nint shape, nuint ndim, int axis, double spacing, int derivative, int accuracy, int parts,
        nint output, nuint length) =>
        InParts(parts, part => Ensure.Success(NativeMethods.dn_grid_derivative_part(isa, (double*)y, (nuint*)shape, ndim, (nuint)axis,
            spacing, derivative, accuracy, (nuint)part, (nuint)parts, (double*)output, length), "dn_grid_derivative_part"));

    /// <summary>dn_grid_laplacian, or with parts &gt; 1 its parts on the thread pool.</summary>
    internal static void GridLaplacian(Isa? isa, ReadOnlySpan<double> y, ReadOnlySpan<int> shape, ReadOnlySpan<double> spacing, int accuracy, Span<double> output,
        int parts = 1)
    {
        Span<nuint> dims = stackalloc nuint[shape.Length];
        for (var i = 0; i < shape.Length; i++) dims[i] = (nuint)shape[i];
        fixed (double* py = y)
        fixed (nuint* pd = dims)
        fixed (double* ps = spacing)
        fixed (double* po = output)
        {
            if (parts <= 1)
            {
                Ensure.Success(NativeMethods.dn_grid_laplacian((int)(isa ?? 0), py, pd, (nuint)dims.Length, ps, accuracy, po, (nuint)output.Length), "dn_grid_laplacian");
                return;
            }
            GridLaplacianInParts((int)(isa ?? 0), (nint)py, (nint)pd, (nuint)dims.Length, (nint)ps, accuracy, parts, (nint)po, (nuint)output.Length);
        }
    }

    private static void GridLaplacianInParts(int isa, nint y, nint shape, nuint ndim, nint spacing, int accuracy, int parts, nint output, nuint length) =>
        InParts(parts, part => Ensure.Success(NativeMethods.dn_grid_laplacian_part(isa, (double*)y, (nuint*)shape, ndim,
            (double*)spacing, accuracy, (nuint)part, (nuint)parts, (double*)output, length), "dn_grid_laplacian_part"));

    /// <summary>Runs parts 0..parts−1 on the thread pool; a failure comes back as itself, not
    /// wrapped in an AggregateException.</summary>
    private static void InParts(int parts, Action<int> run)
    {
        try
        {
            System.Threading.Tasks.Parallel.For(0, parts, run);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}

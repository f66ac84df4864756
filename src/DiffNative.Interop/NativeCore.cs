using System.Runtime.InteropServices;
using System.Text;

namespace DiffNative.Interop;

/// <summary>Typed, exception-throwing access to the C API. Spans are pinned, never copied.</summary>
internal static unsafe partial class NativeCore
{
    internal static string Version => Marshal.PtrToStringUTF8((IntPtr)NativeMethods.dn_version()) ?? "";

    internal static string LibraryPath
    {
        get
        {
            nuint needed = 0;
            NativeMethods.dn_library_path(null, 0, &needed);
            var buffer = new byte[(int)needed];
            fixed (byte* p = buffer)
                Ensure.Success(NativeMethods.dn_library_path(p, needed, &needed), "dn_library_path");
            return Encoding.UTF8.GetString(buffer, 0, Math.Max(0, (int)needed - 1));
        }
    }

    internal static ulong CpuFeatureBits
    {
        get
        {
            ulong features;
            Ensure.Success(NativeMethods.dn_cpu_features(&features), "dn_cpu_features");
            return features;
        }
    }

    internal static IReadOnlyList<Isa> CompiledIsas
    {
        get
        {
            uint mask;
            Ensure.Success(NativeMethods.dn_isa_compiled_mask(&mask), "dn_isa_compiled_mask");
            return IsaNames.FromMask(mask);
        }
    }

    internal static IReadOnlyList<Isa> AvailableIsas => IsaNames.FromMask(AvailableMask);

    /// <summary>Bit 1 &lt;&lt; isa for each ISA compiled in and runnable here.</summary>
    internal static uint AvailableMask
    {
        get
        {
            uint mask;
            Ensure.Success(NativeMethods.dn_isa_available_mask(&mask), "dn_isa_available_mask");
            return mask;
        }
    }

    internal static bool ScalarUsesHardwareFma
    {
        get
        {
            int uses;
            Ensure.Success(NativeMethods.dn_scalar_uses_hardware_fma(&uses), "dn_scalar_uses_hardware_fma");
            return uses != 0;
        }
    }

    internal static Isa ActiveIsa
    {
        get
        {
            int isa;
            var status = NativeMethods.dn_get_active_isa(&isa);
            if (status != DnStatus.Ok) throw Ensure.ActiveIsaFailure(status);
            return (Isa)isa;
        }
    }

    internal static void SetActiveIsa(Isa isa) =>
        Ensure.Success(NativeMethods.dn_set_active_isa((int)isa), $"setting the active ISA to {isa.ToName()}");

    /// <summary>isa null means the active ISA.</summary>
    internal static void GradientUniform(Isa? isa, ReadOnlySpan<double> samples, double spacing, Span<double> destination)
    {
        fixed (double* y = samples)
        fixed (double* output = destination)
        {
            var status = NativeMethods.dn_gradient_uniform(
                (int)(isa ?? 0), y, (nuint)samples.Length, spacing, output, (nuint)destination.Length);
            Ensure.Success(status, "dn_gradient_uniform");
        }
    }

    /// <summary>False when dn_fd_weights refuses arguments the caller has validated: the offsets
    /// are not exact relative to <paramref name="at"/> or a weight leaves the range of double; the
    /// caller explains which (the managed reference refuses the same ones).</summary>
    internal static bool FdWeights(int derivative, ReadOnlySpan<double> offsets, double at, Span<double> weights)
    {
        fixed (double* x = offsets)
        fixed (double* w = weights)
        {
            var status = NativeMethods.dn_fd_weights(derivative, x, (nuint)offsets.Length, at, w, (nuint)weights.Length);
            if (status == DnStatus.InvalidArgument) return false;
            Ensure.Success(status, "dn_fd_weights");
            return true;
        }
    }

    internal static void FdSteps(Isa? isa, ReadOnlySpan<double> x, ReadOnlySpan<double> scales, double baseStep, Span<double> steps)
    {
        fixed (double* px = x)
        fixed (double* ps = scales)
        fixed (double* ph = steps)
            Ensure.Success(NativeMethods.dn_fd_steps((int)(isa ?? 0), px, (nuint)x.Length, ps, baseStep, ph, (nuint)steps.Length), "dn_fd_steps");
    }

    internal static void FdCombine(Isa? isa, ReadOnlySpan<double> values, int stride, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> steps, int derivative, Span<double> output)
    {
        fixed (double* pv = values)
        fixed (double* pw = weights)
        fixed (double* ph = steps)
        fixed (double* po = output)
            Ensure.Success(NativeMethods.dn_fd_combine((int)(isa ?? 0), pv, (nuint)values.Length, (nuint)stride, pw, (nuint)weights.Length,
                ph, (nuint)output.Length, derivative, po, (nuint)output.Length), "dn_fd_combine");
    }

    internal static void SparseCombine(Isa? isa, ReadOnlySpan<double> values, int stride, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> sources, ReadOnlySpan<int> columns, ReadOnlySpan<double> steps, Span<double> output)
    {
        fixed (double* pv = values)
        fixed (double* pw = weights)
        fixed (int* ps = sources)
        fixed (int* pc = columns)
        fixed (double* ph = steps)
        fixed (double* po = output)
            Ensure.Success(NativeMethods.dn_sparse_combine((int)(isa ?? 0), pv, (nuint)values.Length, (nuint)stride, pw, (nuint)weights.Length,
                ps, pc, (nuint)sources.Length, ph, (nuint)steps.Length, po, (nuint)output.Length), "dn_sparse_combine");
    }

    /// <summary>The perturbed points of a batch (see dn_fd_points): one row per entry of
    /// <paramref name="rowStarts"/> but the last; an empty <paramref name="shifts"/> or
    /// <paramref name="direction"/> is passed as NULL.</summary>
    internal static void FdPoints(Isa? isa, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, ReadOnlySpan<double> shifts,
        ReadOnlySpan<int> rowStarts, ReadOnlySpan<int> indices, ReadOnlySpan<double> deltas, Span<double> points)
    {
        fixed (double* px = x)
        fixed (double* pv = direction)
        fixed (double* pt = shifts)
        fixed (int* pr = rowStarts)
        fixed (int* pi = indices)
        fixed (double* pd = deltas)
        fixed (double* po = points)
            Ensure.Success(NativeMethods.dn_fd_points((int)(isa ?? 0), px, (nuint)x.Length, pv, pt, (nuint)Math.Max(0, rowStarts.Length - 1),
                pr, pi, pd, (nuint)Math.Min(indices.Length, deltas.Length), po, (nuint)points.Length), "dn_fd_points");
    }

    internal static void AssembleHessian(Isa? isa, double centre, ReadOnlySpan<double> plus, ReadOnlySpan<double> minus,
        ReadOnlySpan<double> pp, ReadOnlySpan<double> pm, ReadOnlySpan<double> mp, ReadOnlySpan<double> mm,
        ReadOnlySpan<double> steps, Span<double> hessian)
    {
        fixed (double* pplus = plus)
        fixed (double* pminus = minus)
        fixed (double* ppp = pp)
        fixed (double* ppm = pm)
        fixed (double* pmp = mp)
        fixed (double* pmm = mm)
        fixed (double* ph = steps)
        fixed (double* pH = hessian)
            Ensure.Success(NativeMethods.dn_hessian_assemble((int)(isa ?? 0), (nuint)steps.Length, centre, pplus, pminus, ppp, ppm, pmp, pmm,
                (nuint)pp.Length, ph, pH, (nuint)hessian.Length), "dn_hessian_assemble");
    }

    internal static void RichardsonLevel(Isa? isa, int count, int level, ReadOnlySpan<double> previous, Span<double> current,
        ReadOnlySpan<double> denominators, Span<double> best, Span<double> error, Span<double> bestLevel)
    {
        var length = Math.Min(best.Length, Math.Min(error.Length, bestLevel.Length));
        fixed (double* pp = previous)
        fixed (double* pc = current)
        fixed (double* pd = denominators)
        fixed (double* pb = best)
        fixed (double* pe = error)
        fixed (double* pl = bestLevel)
            Ensure.Success(NativeMethods.dn_richardson_level((int)(isa ?? 0), (nuint)count, level, pp, (nuint)previous.Length, pc, (nuint)current.Length,
                pd, (nuint)denominators.Length, pb, pe, pl, (nuint)length), "dn_richardson_level");
    }

    internal static void GradientNumpy(Isa? isa, ReadOnlySpan<double> y, double h, int edgeOrder, Span<double> output)
    {
        fixed (double* py = y)
        fixed (double* po = output)
            Ensure.Success(NativeMethods.dn_gradient_numpy((int)(isa ?? 0), py, (nuint)y.Length, h, edgeOrder, po, (nuint)output.Length), "dn_gradient_numpy");
    }

    internal static void GradientNumpyCoordinates(ReadOnlySpan<double> y, ReadOnlySpan<double> x, int edgeOrder, Span<double> output)
    {
        fixed (double* py = y)
        fixed (double* px = x)
        fixed (double* po = output)
            Ensure.Success(NativeMethods.dn_gradient_numpy_coordinates(py, px, (nuint)y.Length, edgeOrder, po, (nuint)output.Length), "dn_gradient_numpy_coordinates");
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

    /// <summary>An empty output span means "not wanted" (a null pointer).</summary>
    internal static void Activate(Isa? isa, int kind, double alpha, ReadOnlySpan<double> x, Span<double> value, Span<double> derivative)
    {
        fixed (double* px = x)
        fixed (double* pv = value)
        fixed (double* pd = derivative)
            Ensure.Success(NativeMethods.dn_activate((int)(isa ?? 0), kind, alpha, px, (nuint)x.Length,
                value.IsEmpty ? null : pv, (nuint)value.Length, derivative.IsEmpty ? null : pd, (nuint)derivative.Length), "dn_activate");
    }

    internal static void Softmax(Isa? isa, bool logForm, ReadOnlySpan<double> x, int rows, int cols, Span<double> y)
    {
        fixed (double* px = x)
        fixed (double* py = y)
            Ensure.Success(NativeMethods.dn_softmax((int)(isa ?? 0), logForm ? 1 : 0, px, (nuint)rows, (nuint)cols, py, (nuint)y.Length), "dn_softmax");
    }

    internal static void SoftmaxBackward(Isa? isa, bool logForm, ReadOnlySpan<double> y, ReadOnlySpan<double> upstream, int rows, int cols, Span<double> dx)
    {
        fixed (double* py = y)
        fixed (double* pg = upstream)
        fixed (double* pd = dx)
            Ensure.Success(NativeMethods.dn_softmax_backward((int)(isa ?? 0), logForm ? 1 : 0, py, pg, (nuint)rows, (nuint)cols, pd, (nuint)dx.Length),
                "dn_softmax_backward");
    }
}

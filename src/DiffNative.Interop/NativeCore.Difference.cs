namespace DiffNative.Interop;

/// <summary>The vector-wide arithmetic of function differentiation (api_difference.c).</summary>
internal static unsafe partial class NativeCore
{
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
            Ensure.Success(NativeMethods.dn_assemble_hessian((int)(isa ?? 0), (nuint)steps.Length, centre, pplus, pminus, ppp, ppm, pmp, pmm,
                (nuint)pp.Length, ph, pH, (nuint)hessian.Length), "dn_assemble_hessian");
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
}

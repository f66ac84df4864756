namespace DiffNative;

/// <summary>The CPU's instruction-set features as CPUID reports them, and whether the operating
/// system saves the wide register state (XGETBV); an ISA runs only when both agree.</summary>
public sealed record CpuFeatures(
    bool Sse2, bool Avx, bool Avx2, bool Fma,
    bool Avx512F, bool Avx512DQ, bool Avx512BW, bool Avx512VL,
    bool OsSavesAvx, bool OsSavesAvx512)
{
    internal static CpuFeatures FromBits(ulong bits)
    {
        bool Has(int bit) => (bits & (1ul << bit)) != 0;
        return new(Has(0), Has(1), Has(2), Has(3), Has(4), Has(5), Has(6), Has(7), Has(8), Has(9));
    }
}

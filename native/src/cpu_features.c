/* CPUID says what the CPU implements; XGETBV says which register state the OS saves on a
 * context switch. Both must agree before a path may run: a CPU with AVX-512 under an OS that
 * does not save ZMM state would corrupt registers. */
#include "cpu_features.h"

#include <stdatomic.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

static uint64_t read_xcr0(void)
{
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((uint64_t)hi << 32) | lo;
}

static uint64_t detect(void)
{
    uint64_t f = 0;
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx))
        return 0;
    if (edx & (1u << 26)) f |= DN_CPU_SSE2;
    const int osxsave = (ecx & (1u << 27)) != 0;
    if (ecx & (1u << 28)) f |= DN_CPU_AVX;
    if (ecx & (1u << 12)) f |= DN_CPU_FMA;
    if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) {
        if (ebx & (1u << 5)) f |= DN_CPU_AVX2;
        if (ebx & (1u << 16)) f |= DN_CPU_AVX512F;
        if (ebx & (1u << 17)) f |= DN_CPU_AVX512DQ;
        if (ebx & (1u << 30)) f |= DN_CPU_AVX512BW;
        if (ebx & (1u << 31)) f |= DN_CPU_AVX512VL;
    }
    if (osxsave) {
        const uint64_t xcr0 = read_xcr0();
        if ((xcr0 & 0x6) == 0x6) f |= DN_CPU_OS_AVX;            /* XMM and YMM state */
        if ((xcr0 & 0xE6) == 0xE6) f |= DN_CPU_OS_AVX512;       /* + opmask, ZMM_Hi256, Hi16_ZMM */
    }
    return f;
}
#else
static uint64_t detect(void) { return 0; }
#endif

/* Bit 63 marks "detected" so that a CPU with no features is not detected again and again. */
#define DETECTED (1ull << 63)
static _Atomic uint64_t cached_features;

uint64_t dn_detect_cpu_features(void)
{
    uint64_t f = atomic_load_explicit(&cached_features, memory_order_acquire);
    if (!(f & DETECTED)) {
        f = detect() | DETECTED;
        atomic_store_explicit(&cached_features, f, memory_order_release);
    }
    return f & ~DETECTED;
}

int dn_cpu_can_run_scalar_fma(uint64_t f)
{
    const uint64_t need = DN_CPU_AVX | DN_CPU_FMA | DN_CPU_OS_AVX;
    return (f & need) == need;
}

int dn_cpu_can_run(dn_isa isa, uint64_t f)
{
    switch (isa) {
    case DN_ISA_SCALAR:
        return 1;
    case DN_ISA_AVX2: {
        const uint64_t need = DN_CPU_AVX | DN_CPU_AVX2 | DN_CPU_FMA | DN_CPU_OS_AVX;
        return (f & need) == need;
    }
    case DN_ISA_AVX512: {
        const uint64_t need = DN_CPU_AVX512F | DN_CPU_OS_AVX | DN_CPU_OS_AVX512;
        return (f & need) == need;
    }
    default:
        return 0;
    }
}

/* Chooses the active kernel table. Like simdjson's implementation pointer: an atomic pointer
 * that is NULL until first use, when DIFFNATIVE_ISA (if set) or the best available ISA picks
 * it. A bad DIFFNATIVE_ISA leaves the pointer NULL, so every call that needs the active table
 * returns the error (until dn_set_active_isa decides) instead of silently falling back. */
#include <stdatomic.h>
#include <stdlib.h>

#include "cpu_features.h"
#include "kernels.h"

static const dn_kernels *_Atomic active_kernels;

/* The scalar ISA runs everywhere; where the CPU has FMA, its -mfma build (same bits, fma() one
 * instruction instead of a libm call) is the one that runs. */
static const dn_kernels *scalar_kernels(void)
{
#if defined(DN_HAVE_SCALAR_FMA)
    if (dn_cpu_can_run_scalar_fma(dn_detect_cpu_features()))
        return &dn_kernels_scalar_fma;
#endif
    return &dn_kernels_scalar;
}

const dn_kernels *dn_kernels_for(dn_isa isa)
{
    switch (isa) {
    case DN_ISA_SCALAR:
        return scalar_kernels();
#if defined(DN_HAVE_AVX2)
    case DN_ISA_AVX2:
        return &dn_kernels_avx2;
#endif
#if defined(DN_HAVE_AVX512)
    case DN_ISA_AVX512:
        return &dn_kernels_avx512;
#endif
    default:
        return NULL;
    }
}

static dn_status check_runnable(dn_isa isa, const dn_kernels **kernels)
{
    if (isa != DN_ISA_SCALAR && isa != DN_ISA_AVX2 && isa != DN_ISA_AVX512)
        return DN_ERR_UNKNOWN_ISA;
    const dn_kernels *k = dn_kernels_for(isa);
    if (!k)
        return DN_ERR_ISA_NOT_COMPILED;
    if (!dn_cpu_can_run(isa, dn_detect_cpu_features()))
        return DN_ERR_ISA_UNSUPPORTED;
    *kernels = k;
    return DN_OK;
}

static const dn_kernels *best_available(void)
{
    static const dn_isa preference[] = {DN_ISA_AVX512, DN_ISA_AVX2, DN_ISA_SCALAR};
    for (size_t i = 0; i < sizeof preference / sizeof preference[0]; ++i) {
        const dn_kernels *k = NULL;
        if (check_runnable(preference[i], &k) == DN_OK)
            return k;
    }
    return scalar_kernels();
}

static dn_status choose_on_first_use(const dn_kernels **kernels)
{
    const char *forced = getenv("DIFFNATIVE_ISA");
    const dn_kernels *k = NULL;
    dn_status status = DN_OK;
    if (forced && forced[0] != '\0') {
        dn_isa isa;
        status = dn_isa_parse(forced, &isa);
        if (status == DN_OK)
            status = check_runnable(isa, &k);
    } else {
        k = best_available();
    }
    if (status != DN_OK)
        return status;
    /* Racing first users detect the same thing; whichever stores first wins, both agree. */
    const dn_kernels *expected = NULL;
    if (!atomic_compare_exchange_strong(&active_kernels, &expected, k))
        k = expected;
    *kernels = k;
    return DN_OK;
}

dn_status dn_resolve_kernels(dn_isa isa, const dn_kernels **kernels)
{
    if (isa != DN_ISA_ACTIVE)
        return check_runnable(isa, kernels);
    const dn_kernels *k = atomic_load(&active_kernels);
    if (k) {
        *kernels = k;
        return DN_OK;
    }
    return choose_on_first_use(kernels);
}

dn_status dn_get_active_isa(dn_isa *isa)
{
    if (!isa)
        return DN_ERR_NULL_POINTER;
    const dn_kernels *k = NULL;
    const dn_status status = dn_resolve_kernels(DN_ISA_ACTIVE, &k);
    if (status != DN_OK)
        return status;
    *isa = k->isa;
    return DN_OK;
}

dn_status dn_set_active_isa(dn_isa isa)
{
    const dn_kernels *k = NULL;
    const dn_status status = check_runnable(isa, &k);
    if (status != DN_OK)
        return status;
    /* An explicit choice also overrides a bad DIFFNATIVE_ISA: the caller has decided. */
    atomic_store(&active_kernels, k);
    return DN_OK;
}

dn_status dn_isa_compiled_mask(uint32_t *mask)
{
    if (!mask)
        return DN_ERR_NULL_POINTER;
    uint32_t m = 0;
    for (dn_isa isa = DN_ISA_SCALAR; isa <= DN_ISA_AVX512; ++isa)
        if (dn_kernels_for(isa))
            m |= DN_ISA_BIT(isa);
    *mask = m;
    return DN_OK;
}

dn_status dn_isa_available_mask(uint32_t *mask)
{
    if (!mask)
        return DN_ERR_NULL_POINTER;
    uint32_t m = 0;
    for (dn_isa isa = DN_ISA_SCALAR; isa <= DN_ISA_AVX512; ++isa) {
        const dn_kernels *k = NULL;
        if (check_runnable(isa, &k) == DN_OK)
            m |= DN_ISA_BIT(isa);
    }
    *mask = m;
    return DN_OK;
}

dn_status dn_scalar_uses_hardware_fma(int *uses)
{
    if (!uses)
        return DN_ERR_NULL_POINTER;
#if defined(DN_HAVE_SCALAR_FMA)
    *uses = scalar_kernels() == &dn_kernels_scalar_fma;
#else
    *uses = 0;
#endif
    return DN_OK;
}

dn_status dn_cpu_features(uint64_t *features)
{
    if (!features)
        return DN_ERR_NULL_POINTER;
    *features = dn_detect_cpu_features();
    return DN_OK;
}

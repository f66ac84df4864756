/* Run-time dispatch, run once plain and once per DIFFNATIVE_ISA value (see CMakeLists.txt):
 * the forced ISA must be the active one when this CPU runs it, and a clear status otherwise. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cpu_features.h"
#include "kernels.h"

static dn_isa best_of(uint32_t mask)
{
    if (mask & DN_ISA_BIT(DN_ISA_AVX512)) return DN_ISA_AVX512;
    if (mask & DN_ISA_BIT(DN_ISA_AVX2)) return DN_ISA_AVX2;
    return DN_ISA_SCALAR;
}

static void test_masks_agree_with_cpu_features(uint32_t available, uint32_t compiled)
{
    uint64_t f = 0;
    CHECK(dn_cpu_features(&f) == DN_OK, "features");
    CHECK((available & ~compiled) == 0, "available %#x not within compiled %#x", available, compiled);
    CHECK(available & DN_ISA_BIT(DN_ISA_SCALAR), "scalar always available");
    const uint64_t avx2_need = DN_CPU_AVX2 | DN_CPU_FMA | DN_CPU_OS_AVX;
    CHECK(!(available & DN_ISA_BIT(DN_ISA_AVX2)) || (f & avx2_need) == avx2_need, "avx2 without features");
    CHECK(!(available & DN_ISA_BIT(DN_ISA_AVX512)) || ((f & DN_CPU_AVX512F) && (f & DN_CPU_OS_AVX512)),
          "avx512 without features");
#if defined(__x86_64__)
    CHECK(f & DN_CPU_SSE2, "every x86-64 CPU has SSE2");
#endif
}

/* The scalar ISA does its FMAs in hardware exactly when that build is compiled and the CPU has
 * FMA with AVX state saved (FMA instructions are VEX-encoded). */
static void test_scalar_fma_report(void)
{
    uint64_t f = 0;
    int uses = -1;
    CHECK(dn_cpu_features(&f) == DN_OK, "features");
    CHECK(dn_scalar_uses_hardware_fma(&uses) == DN_OK, "report");
    const uint64_t need = DN_CPU_FMA | DN_CPU_AVX | DN_CPU_OS_AVX;
#if defined(DN_HAVE_SCALAR_FMA)
    CHECK(uses == ((f & need) == need), "hardware FMA %d with features %#llx", uses, (unsigned long long)f);
#else
    CHECK(uses == 0, "no -mfma build, yet hardware FMA reported");
#endif
}

int main(void)
{
    uint32_t available = 0, compiled = 0;
    CHECK(dn_isa_available_mask(&available) == DN_OK, "available");
    CHECK(dn_isa_compiled_mask(&compiled) == DN_OK, "compiled");
    test_masks_agree_with_cpu_features(available, compiled);
    test_scalar_fma_report();

    const char *forced = getenv("DIFFNATIVE_ISA");
    dn_isa active = DN_ISA_ACTIVE;
    const dn_status s = dn_get_active_isa(&active);
    double y[4] = {0, 1, 4, 9}, d[4] = {-1, -1, -1, -1};

    if (!forced || !*forced) {
        CHECK(s == DN_OK && active == best_of(available), "best available is active: %d", active);
    } else {
        dn_isa wanted;
        if (dn_isa_parse(forced, &wanted) != DN_OK) {
            CHECK(s == DN_ERR_UNKNOWN_ISA, "DIFFNATIVE_ISA=%s: status %d", forced, s);
        } else if (available & DN_ISA_BIT(wanted)) {
            CHECK(s == DN_OK && active == wanted, "DIFFNATIVE_ISA=%s: active %d", forced, active);
        } else {
            const dn_status want = (compiled & DN_ISA_BIT(wanted)) ? DN_ERR_ISA_UNSUPPORTED : DN_ERR_ISA_NOT_COMPILED;
            CHECK(s == want, "DIFFNATIVE_ISA=%s: status %d, want %d", forced, s, want);
        }
        if (s != DN_OK) {
            /* Calls on the active path report the same error and write nothing... */
            CHECK(dn_sampled_gradient(DN_ISA_ACTIVE, y, 4, 1.0, d, 4) == s, "kernel reports it too");
            CHECK(d[0] == -1 && d[3] == -1, "nothing written");
            /* ...while explicit paths still work, and an explicit choice clears it. */
            CHECK(dn_sampled_gradient(DN_ISA_SCALAR, y, 4, 1.0, d, 4) == DN_OK, "explicit scalar");
            CHECK(dn_set_active_isa(DN_ISA_SCALAR) == DN_OK, "set scalar");
            CHECK(dn_get_active_isa(&active) == DN_OK && active == DN_ISA_SCALAR, "now scalar");
        }
    }

    /* Switching to an ISA the CPU lacks fails and leaves the active one as it was. */
    CHECK(dn_get_active_isa(&active) == DN_OK, "active");
    for (dn_isa isa = DN_ISA_SCALAR; isa <= DN_ISA_AVX512; ++isa) {
        const dn_status set = dn_set_active_isa(isa);
        if (available & DN_ISA_BIT(isa)) {
            dn_isa now;
            CHECK(set == DN_OK && dn_get_active_isa(&now) == DN_OK && now == isa, "switch to %d", isa);
            active = isa;
        } else {
            dn_isa now;
            CHECK(set != DN_OK && dn_get_active_isa(&now) == DN_OK && now == active, "refuse %d", isa);
        }
    }
    return check_report("test_dispatch");
}

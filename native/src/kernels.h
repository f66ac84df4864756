/* Per-ISA kernel tables: one table per instruction set, each filled by that ISA's object
 * library. Kernels here do no argument checking; the public API in api_*.c does it once. */
#ifndef DIFFNATIVE_KERNELS_H
#define DIFFNATIVE_KERNELS_H

#include <stddef.h>

#include "diffnative/diffnative.h"

typedef struct dn_kernels {
    const char *name;
    dn_isa isa;
    /* y[0..n), n >= 3, out[0..n) not overlapping y; h finite and positive. */
    void (*gradient_uniform)(const double *y, size_t n, double h, double *out);
} dn_kernels;

extern const dn_kernels dn_kernels_scalar;
#if defined(DN_HAVE_AVX2)
extern const dn_kernels dn_kernels_avx2;
#endif
#if defined(DN_HAVE_AVX512)
extern const dn_kernels dn_kernels_avx512;
#endif

/* The table of a compiled ISA, or NULL when this build lacks it. Touches no global state. */
const dn_kernels *dn_kernels_for(dn_isa isa);

/* The table to use for isa: DN_ISA_ACTIVE resolves to the active table (choosing it on first
 * use); a concrete ISA must be compiled and runnable. */
dn_status dn_resolve_kernels(dn_isa isa, const dn_kernels **kernels);

#endif

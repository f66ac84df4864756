#ifndef DIFFNATIVE_CPU_FEATURES_H
#define DIFFNATIVE_CPU_FEATURES_H

#include <stdint.h>

#include "diffnative/diffnative.h"

/* DN_CPU_* bits of this CPU and OS; detected once, cached. */
uint64_t dn_detect_cpu_features(void);

/* Whether the CPU and OS can run isa (ignores whether it is compiled). */
int dn_cpu_can_run(dn_isa isa, uint64_t features);

/* Whether the CPU and OS can run the scalar kernels built with -mfma (FMA instructions are
 * VEX-encoded, so they need AVX state saved by the OS as well). */
int dn_cpu_can_run_scalar_fma(uint64_t features);

#endif

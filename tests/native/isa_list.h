/* Every ISA this build has and this CPU runs; the sweep tests iterate over it. */
#ifndef DIFFNATIVE_TEST_ISA_LIST_H
#define DIFFNATIVE_TEST_ISA_LIST_H

#include <stdio.h>

#include "cpu_features.h"
#include "kernels.h"

static const dn_isa all_isas[] = {DN_ISA_SCALAR, DN_ISA_AVX2, DN_ISA_AVX512};
#define ALL_ISA_COUNT (sizeof all_isas / sizeof all_isas[0])

/* The ISA's table when it can run here, else NULL (and a note on stdout saying it was skipped). */
static inline const dn_kernels *runnable_kernels(dn_isa isa)
{
    const dn_kernels *k = dn_kernels_for(isa);
    if (k && dn_cpu_can_run(isa, dn_detect_cpu_features()))
        return k;
    printf("  isa %d: %s, skipped\n", (int)isa, k ? "not supported by this CPU" : "not compiled");
    return NULL;
}

#endif

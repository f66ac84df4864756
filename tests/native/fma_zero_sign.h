/* valgrind emulates the negated FMA instruction (VFNMADD, what the compiler makes of
 * fma(-p, s, g)) with the wrong sign for an exact zero: -(1.3 * 1) + 1.3 gives -0 where IEEE 754
 * says +0. CI runs every C test under valgrind, and the scalar ISA runs the -mfma build where the
 * CPU has FMA; there, and only there, the bit-exact comparisons let the two zeros count as one,
 * so the memory checks still cover every kernel. Natively the instruction is right and the
 * comparisons stay exact. */
#ifndef DIFFNATIVE_TEST_FMA_ZERO_SIGN_H
#define DIFFNATIVE_TEST_FMA_ZERO_SIGN_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("fma"), noinline)) static double negated_fma_instruction(double a, double b, double c)
{
    return __builtin_fma(-a, b, c);
}

static inline bool fma_instruction_signs_zero_wrongly(void)
{
    if (!__builtin_cpu_supports("fma")) return false;
    volatile double one = 1.0, a = 1.3;
    return signbit(negated_fma_instruction(one, a, a)) != 0;
}
#else
static inline bool fma_instruction_signs_zero_wrongly(void) { return false; }
#endif

/* The detection as the tests use it: once at start, saying so when the zeros will count as one. */
static inline bool zeros_match_under_valgrind(void)
{
    const bool quirk = fma_instruction_signs_zero_wrongly();
    if (quirk) printf("  this CPU's negated FMA gives -0 for -(1 * a) + a (valgrind?): +0 and -0 count as equal\n");
    return quirk;
}

#endif

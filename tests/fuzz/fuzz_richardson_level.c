/* dn_richardson_level on random tables, levels (negative, 0..64, beyond), denominators (0, NaN,
 * ±Inf), huge counts, short tables and outputs laid over other buffers (refused): a status for
 * every bad argument, nothing touched on error,
 * previous, denominators and current's column 0 never changed, nothing written past the stated
 * entries, and every ISA the same bits from the same starting state. */
#include "fuzz_input.h"

#define MAX_COUNT 40

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const dn_isa isa = fz_isa(&in);
    const size_t count = fz_length(&in, MAX_COUNT);
    const size_t held = count > MAX_COUNT ? 2 : count;
    const int level = fz_int(&in, -2, 66);
    const size_t columns = level < 0 ? 0 : level > 64 ? 64 : (size_t)level; /* what is allocated */
    const uint8_t layout = fz_u8(&in);
    const size_t previous_length = fz_stated(&in, columns * held), current_length = fz_stated(&in, (columns + 1) * held);
    const size_t denominators_length = fz_stated(&in, columns), length = fz_stated(&in, held);
    double *previous = fz_doubles(&in, previous_length), *current = fz_doubles(&in, current_length);
    double *denominators = fz_doubles(&in, denominators_length);
    double *best = fz_doubles(&in, length), *error = fz_doubles(&in, length), *best_level = fz_doubles(&in, length);
    if (layout & 1) /* mostly usable denominators (4^j - 1 shrunk by 1.4²), so the kernels run */
        for (size_t j = 0; j < denominators_length; ++j)
            if (!isfinite(denominators[j]) || denominators[j] == 0.0) denominators[j] = 0.96 + (double)j;
    const uint8_t nulls = fz_u8(&in) % 4 ? 0 : fz_u8(&in); /* mostly no NULL, so the kernels run */
    double *arguments[6] = {nulls & 1 ? NULL : previous, nulls & 2 ? NULL : current, nulls & 4 ? NULL : denominators,
                            nulls & 8 ? NULL : best, nulls & 16 ? NULL : error, nulls & 32 ? NULL : best_level};
    /* Sometimes one output laid over another buffer (refused): error over best, or best over
     * current's last column, or best_level over previous. */
    /* Laid out only where it shares an element with the range the call uses, so that every
     * overlay here must be refused. */
    const uint8_t overlay = layout & 6 ? 0 : fz_u8(&in) % 4;
    const int aliased = overlay == 1 ? arguments[3] != NULL
                        : overlay == 2 ? arguments[3] && current_length >= length && current_length - length < (columns + 1) * held
                        : overlay == 3 ? arguments[5] && previous_length >= length && previous_length - length < columns * held
                                       : 0;
    if (aliased && overlay == 1) arguments[4] = arguments[3];
    if (aliased && overlay == 2) arguments[3] = current + (current_length - length);
    if (aliased && overlay == 3) arguments[5] = previous + (previous_length - length);

    fz_snapshot ps = fz_snap(previous, previous_length), cs = fz_snap(current, current_length),
                ds = fz_snap(denominators, denominators_length), bs = fz_snap(best, length), es = fz_snap(error, length),
                ls = fz_snap(best_level, length);
    const dn_status st = dn_richardson_level(isa, count, level, arguments[0], previous_length, arguments[1], current_length,
                                             arguments[2], denominators_length, arguments[3], arguments[4], arguments[5],
                                             length);
    fz_expect_known_status(st);
    if (st == DN_OK && count > 0 && aliased) __builtin_trap();
    if (st == DN_OK && count > 0) {
        /* Column 0 is this level's input; the rest of what was written must be every ISA's. */
        if (memcmp(current, cs.copy, count * sizeof(double)) != 0) __builtin_trap();
        const uint32_t isas = fz_available_isas();
        for (int other = DN_ISA_SCALAR; other <= DN_ISA_AVX512; ++other) {
            if (!(isas & DN_ISA_BIT(other))) continue;
            double *c = fz_copy(cs.copy, current_length), *b = fz_copy(bs.copy, length), *e = fz_copy(es.copy, length),
                   *l = fz_copy(ls.copy, length);
            if (dn_richardson_level((dn_isa)other, count, level, previous, previous_length, c, current_length, denominators,
                                    denominators_length, b, e, l, length) != DN_OK)
                __builtin_trap();
            fz_expect_same_values(current, c, current_length);
            fz_expect_same_values(best, b, length);
            fz_expect_same_values(error, e, length);
            fz_expect_same_values(best_level, l, length);
            free(c);
            free(b);
            free(e);
            free(l);
        }
    }
    fz_expect_unchanged(&ps);
    fz_expect_unchanged(&ds);
    if (st != DN_OK) {
        fz_expect_unchanged(&cs);
        fz_expect_unchanged(&bs);
        fz_expect_unchanged(&es);
        fz_expect_unchanged(&ls);
    } else {
        fz_expect_tail_unchanged(&cs, ((size_t)level + 1) * count);
        fz_expect_tail_unchanged(&bs, count);
        fz_expect_tail_unchanged(&es, count);
        fz_expect_tail_unchanged(&ls, count);
    }

    free(previous);
    free(current);
    free(denominators);
    free(best);
    free(error);
    free(best_level);
    return 0;
}

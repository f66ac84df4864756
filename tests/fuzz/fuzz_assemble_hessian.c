/* dn_assemble_hessian on random function values, steps (0, negative, NaN, ±Inf), sizes whose
 * n·n·8 overflows, short pair arrays and Hessians, NULL arrays, and a Hessian laid over the
 * pair values (refused): a status for every bad argument, nothing touched on error, nothing written past
 * n·n, a symmetric result, and every ISA the same bits. */
#include "fuzz_input.h"

#define MAX_N 24

typedef struct {
    size_t n;
    double centre;
    const double *plus, *minus, *pp, *pm, *mp, *mm;
    size_t pairs_length;
    const double *steps;
} hessian_call;

static dn_status rerun(const void *call, dn_isa isa, double *out, size_t out_length)
{
    const hessian_call *c = call;
    return dn_assemble_hessian(isa, c->n, c->centre, c->plus, c->minus, c->pp, c->pm, c->mp, c->mm, c->pairs_length,
                               c->steps, out, out_length);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const dn_isa isa = fz_isa(&in);
    const size_t n = fz_length(&in, MAX_N);
    const size_t held = n > MAX_N ? 3 : n;
    const size_t pairs = held * (held - (held > 0)) / 2;
    const double centre = fz_double(&in);
    const uint8_t layout = fz_u8(&in);
    const size_t pairs_length = fz_stated(&in, pairs);
    double *plus = fz_doubles(&in, held), *minus = fz_doubles(&in, held), *steps = fz_doubles(&in, held);
    double *pp = fz_doubles(&in, pairs_length), *pm = fz_doubles(&in, pairs_length);
    double *mp = fz_doubles(&in, pairs_length), *mm = fz_doubles(&in, pairs_length);
    if (layout & 1) /* mostly valid steps, so the kernels run */
        for (size_t i = 0; i < held; ++i)
            if (!(isfinite(steps[i]) && steps[i] > 0)) steps[i] = 1e-4 * (1.0 + (double)i);
    /* The Hessian: its own buffer, or laid over pp (refused). */
    const int aliased = (layout & 6) == 6 && pairs_length > 0;
    double *own = NULL, *hessian;
    size_t hessian_length;
    if (aliased) {
        hessian = pp;
        hessian_length = pairs_length;
    } else {
        hessian_length = fz_stated(&in, held * held);
        own = hessian = fz_output(hessian_length);
    }
    const uint8_t nulls = fz_u8(&in) % 4 ? 0 : fz_u8(&in); /* mostly no NULL, so the kernels run */

    fz_snapshot inputs[7] = {fz_snap(plus, held), fz_snap(minus, held), fz_snap(steps, held), fz_snap(pp, pairs_length),
                             fz_snap(pm, pairs_length), fz_snap(mp, pairs_length), fz_snap(mm, pairs_length)};
    fz_snapshot hs = fz_snap(hessian, hessian_length);
    const dn_status st = dn_assemble_hessian(isa, n, centre, nulls & 1 ? NULL : plus, nulls & 2 ? NULL : minus,
                                             nulls & 4 ? NULL : pp, nulls & 8 ? NULL : pm, nulls & 16 ? NULL : mp,
                                             nulls & 32 ? NULL : mm, pairs_length, nulls & 64 ? NULL : steps,
                                             nulls & 128 ? NULL : hessian, hessian_length);
    fz_expect_known_status(st);
    if (st == DN_OK && n > 0 && aliased && !(nulls & 4)) __builtin_trap(); /* pp NULL: nothing to overlap */
    if (st == DN_OK && n > 0 && !aliased) {
        for (size_t i = 0; i < n; ++i)
            for (size_t j = 0; j < i; ++j) fz_expect_same_values(&hessian[i * n + j], &hessian[j * n + i], 1);
        const hessian_call call = {n, centre, plus, minus, pp, pm, mp, mm, pairs_length, steps};
        fz_expect_every_isa_same(rerun, &call, hessian, n * n, hessian_length);
    }
    for (int a = 0; a < 7; ++a) {
        if (a == 3 && aliased && st == DN_OK) fz_discard(&inputs[a]);
        else fz_expect_unchanged(&inputs[a]);
    }
    if (st != DN_OK) fz_expect_unchanged(&hs);
    else if (aliased) fz_discard(&hs);
    else fz_expect_tail_unchanged(&hs, n * n);

    free(plus);
    free(minus);
    free(steps);
    free(pp);
    free(pm);
    free(mp);
    free(mm);
    free(own);
    return 0;
}

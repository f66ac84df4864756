/* Elementwise activations and their derivatives. One source, compiled once per ISA; each
 * activation is one inline function computing value and derivative from x, and the loops store
 * whichever the caller asked for (the compiler drops the unused half). Tails go through the same
 * vector code on a padded copy. Reference/ActivationReference.cs performs the same operations in
 * the same order. Stable forms throughout: everything is built on e^-|x| (never overflows), and
 * NaN in gives NaN out, always the canonical NaN (vmath.h). */
#include "../kernels.h"
#include "vmath.h"
#include "gelu.h"

#define SELU_SCALE 1.0507009873554805
#define SELU_SCALE_ALPHA 1.7580993408473768 /* double(scale * alpha) */
/* GELU's tanh form: 0.5(1 + tanh(z)) = sigmoid(2z), with 2z = x(A + B x^2), A = 2 sqrt(2/pi),
 * B = 0.044715 A, both carried as two doubles: sigmoid(w) moves by a relative |w| per unit
 * relative change of w, so one rounded w would cost ~90 ulp at x = -10. */
#define GELU_A_HI 1.5957691216057308
#define GELU_A_LO -9.96930880911092e-17
#define GELU_B_HI 0.07135481627260025
#define GELU_B_LO -6.175149918155315e-19
#define GELU_3B 0.21406444881780073

static inline dn_vec nan_or(dn_vec x, dn_vec v) { return dn_select(dn_isnan(x), x, v); }

static inline void act_relu(dn_vec x, dn_vec alpha, dn_vec *v, dn_vec *d)
{
    (void)alpha;
    const dn_vec zero = dn_set1(0.0);
    *v = dn_select(dn_lt(x, zero), zero, x);
    *d = dn_select(dn_gt(x, zero), dn_set1(1.0), nan_or(x, zero));
}

static inline void act_leaky_relu(dn_vec x, dn_vec alpha, dn_vec *v, dn_vec *d)
{
    const dn_vec zero = dn_set1(0.0);
    *v = dn_select(dn_lt(x, zero), dn_mul(alpha, x), x);
    *d = dn_select(dn_gt(x, zero), dn_set1(1.0), nan_or(x, alpha));
}

static inline void act_elu(dn_vec x, dn_vec alpha, dn_vec *v, dn_vec *d)
{
    const dn_vec zero = dn_set1(0.0);
    const dn_mask pos = dn_gt(x, zero);
    dn_vec em;
    const dn_vec e = dn_exp_neg(dn_select(pos, zero, x), zero, 0, &em);
    *v = dn_select(pos, x, dn_mul(alpha, em));
    *d = dn_select(pos, dn_set1(1.0), dn_mul(alpha, e));
}

static inline void act_selu(dn_vec x, dn_vec alpha, dn_vec *v, dn_vec *d)
{
    (void)alpha;
    const dn_vec zero = dn_set1(0.0);
    const dn_mask pos = dn_gt(x, zero);
    dn_vec em;
    const dn_vec e = dn_exp_neg(dn_select(pos, zero, x), zero, 0, &em);
    *v = dn_select(pos, dn_mul(dn_set1(SELU_SCALE), x), dn_mul(dn_set1(SELU_SCALE_ALPHA), em));
    *d = dn_select(pos, dn_set1(SELU_SCALE), dn_mul(dn_set1(SELU_SCALE_ALPHA), e));
}

/* sigmoid(x) = 1/(1+e) for x >= 0 and e/(1+e) below, e = e^-|x|; derivative e/(1+e)^2. The
 * numerator is chosen before the one division (each lane divides exactly as it would alone), not
 * two quotients computed and one thrown away: division is the slowest operation here. */
static inline void act_sigmoid(dn_vec x, dn_vec alpha, dn_vec *v, dn_vec *d)
{
    (void)alpha;
    const dn_vec zero = dn_set1(0.0), one = dn_set1(1.0);
    dn_vec em;
    const dn_vec e = dn_exp_neg(dn_neg(dn_abs(x)), zero, 0, &em);
    const dn_vec p = dn_add(one, e);
    *v = dn_div(dn_select(dn_lt(x, zero), e, one), p);
    *d = dn_div(e, dn_mul(p, p));
}

/* tanh|x| = -expm1(-2|x|) / (2 + expm1(-2|x|)) keeps small x accurate. sech^2 x = 4e/(1+e)^2
 * with e = e^-2|x| keeps the derivative accurate where tanh is near 1, and since
 * 1 + tanh|x| = 2/(1+e) it equals e (1 + tanh|x|)^2: no second division. */
static inline void act_tanh(dn_vec x, dn_vec alpha, dn_vec *v, dn_vec *d)
{
    (void)alpha;
    dn_vec em;
    const dn_vec e = dn_exp_neg(dn_mul(dn_abs(x), dn_set1(-2.0)), dn_set1(0.0), 0, &em);
    const dn_vec magnitude = dn_div(dn_neg(em), dn_add(em, dn_set1(2.0)));
    *v = dn_copysign(magnitude, x);
    const dn_vec s = dn_add(magnitude, dn_set1(1.0));
    *d = dn_mul(e, dn_mul(s, s));
}

/* softplus(x) = max(x, 0) + log1p(e^-|x|); its derivative is the sigmoid, computed as above. */
static inline void act_softplus(dn_vec x, dn_vec alpha, dn_vec *v, dn_vec *d)
{
    (void)alpha;
    const dn_vec zero = dn_set1(0.0), one = dn_set1(1.0);
    dn_vec em;
    const dn_vec e = dn_exp_neg(dn_neg(dn_abs(x)), zero, 0, &em);
    *v = dn_add(dn_select(dn_gt(x, zero), x, zero), dn_log1p(e));
    const dn_vec p = dn_add(one, e);
    *d = dn_div(dn_select(dn_lt(x, zero), e, one), p);
}

/* silu(x) = x sigmoid(x); derivative sigmoid(x) (1 + x sigmoid(-x)). The value is 0 where the
 * sigmoid is (so -inf gives 0, not NaN); the derivative uses x clamped to +-800, where the
 * sigmoid is exactly 0 or 1 already, for the same reason. */
static inline void act_silu(dn_vec x, dn_vec alpha, dn_vec *v, dn_vec *d)
{
    (void)alpha;
    const dn_vec zero = dn_set1(0.0), one = dn_set1(1.0);
    dn_vec em;
    const dn_vec e = dn_exp_neg(dn_neg(dn_abs(x)), zero, 0, &em);
    const dn_vec p = dn_add(one, e);
    const dn_mask neg = dn_lt(x, zero);
    const dn_vec s = dn_div(dn_select(neg, e, one), p);
    const dn_vec sc = dn_div(dn_select(neg, one, e), p);
    *v = dn_select(dn_eq(s, zero), zero, dn_mul(x, s));
    *d = dn_mul(s, dn_fma(dn_clamp(x, -800.0, 800.0), sc, one));
}

/* gelu_tanh(x) = x sigmoid(w), w = x (A + B x^2) in double-double; derivative
 * sigmoid(w) + x (A + 3B x^2) sigmoid'(w). x is clamped to +-40 inside (the sigmoid is 0 or 1
 * well before), so infinities give gelu(+inf) = +inf, gelu(-inf) = 0 and derivatives 1 and 0. */
static inline void act_gelu_tanh(dn_vec x, dn_vec alpha, dn_vec *v, dn_vec *d)
{
    (void)alpha;
    const dn_vec zero = dn_set1(0.0), one = dn_set1(1.0);
    const dn_vec xc = dn_clamp(x, -40.0, 40.0);
    const dn_vec x2 = dn_mul(xc, xc);
    const dn_vec x2e = dn_fma(xc, xc, dn_neg(x2));
    const dn_vec b = dn_mul(dn_set1(GELU_B_HI), x2);
    dn_vec be = dn_fma(dn_set1(GELU_B_HI), x2, dn_neg(b));
    be = dn_add(be, dn_fma(dn_set1(GELU_B_HI), x2e, dn_mul(dn_set1(GELU_B_LO), x2)));
    const dn_vec ah = dn_set1(GELU_A_HI);
    const dn_vec sh = dn_add(ah, b); /* two-sum A + b */
    const dn_vec bb = dn_sub(sh, ah);
    const dn_vec se = dn_add(dn_sub(ah, dn_sub(sh, bb)), dn_sub(b, bb));
    const dn_vec sl = dn_add(se, dn_add(be, dn_set1(GELU_A_LO)));
    const dn_vec wh = dn_mul(xc, sh);
    dn_vec wl = dn_fma(xc, sh, dn_neg(wh));
    wl = dn_fma(xc, sl, wl);
    const dn_mask wneg = dn_lt(wh, zero);
    dn_vec em;
    const dn_vec e = dn_exp_neg(dn_neg(dn_abs(wh)), dn_select(wneg, wl, dn_neg(wl)), 1, &em);
    const dn_vec p = dn_add(one, e);
    const dn_vec sg = dn_div(dn_select(wneg, e, one), p);
    *v = dn_select(dn_eq(sg, zero), zero, dn_mul(x, sg));
    const dn_vec sp = dn_div(e, dn_mul(p, p));
    const dn_vec dw = dn_fma(dn_set1(GELU_3B), x2, ah);
    *d = dn_fma(dn_mul(xc, dw), sp, sg);
}

/* One loop per (activation, outputs wanted): the function inlines into each, so a value-only
 * pass computes no derivative. Outputs go in blocks of DN_NAN_BLOCK, each made canonical if its
 * NaN watch fired (vmath.h); the tail is a partial vector of the last block, blended. */
#define DEFINE_LOOP(name)                                                                          \
    static void loop_##name(const double *x, size_t n, double alpha_s, double *value, double *deriv) \
    {                                                                                              \
        const dn_vec alpha = dn_set1(alpha_s);                                                     \
        dn_vec v, d;                                                                               \
        for (size_t start = 0; start < n; start += DN_NAN_BLOCK) {                                 \
            const size_t end = n - start > DN_NAN_BLOCK ? start + DN_NAN_BLOCK : n;                \
            dn_nan_seen seen = dn_nan_unseen();                                                    \
            size_t i = start;                                                                      \
            if (value && deriv) {                                                                  \
                for (; i + DN_LANES <= end; i += DN_LANES) {                                       \
                    act_##name(dn_load(x + i), alpha, &v, &d);                                     \
                    dn_store(value + i, v);                                                        \
                    dn_store(deriv + i, d);                                                        \
                    seen = dn_nan_watch(seen, v, d);                                               \
                }                                                                                  \
            } else if (value) {                                                                    \
                for (; i + DN_LANES <= end; i += DN_LANES) {                                       \
                    act_##name(dn_load(x + i), alpha, &v, &d);                                     \
                    dn_store(value + i, v);                                                        \
                    seen = dn_nan_watch(seen, v, v);                                               \
                }                                                                                  \
            } else {                                                                               \
                for (; i + DN_LANES <= end; i += DN_LANES) {                                       \
                    act_##name(dn_load(x + i), alpha, &v, &d);                                     \
                    dn_store(deriv + i, d);                                                        \
                    seen = dn_nan_watch(seen, d, d);                                               \
                }                                                                                  \
            }                                                                                      \
            if (i < end) {                                                                         \
                act_##name(dn_load_partial(x + i, end - i, 0.0), alpha, &v, &d);                   \
                if (value) dn_store_partial(value + i, dn_canonical_nan(v), end - i);              \
                if (deriv) dn_store_partial(deriv + i, dn_canonical_nan(d), end - i);              \
            }                                                                                      \
            if (value) dn_canonical_nan_block(value + start, i - start, seen);                     \
            if (deriv) dn_canonical_nan_block(deriv + start, i - start, seen);                     \
        }                                                                                          \
    }

DEFINE_LOOP(relu)
DEFINE_LOOP(leaky_relu)
DEFINE_LOOP(elu)
DEFINE_LOOP(selu)
DEFINE_LOOP(sigmoid)
DEFINE_LOOP(tanh)
DEFINE_LOOP(softplus)
DEFINE_LOOP(silu)
DEFINE_LOOP(gelu_tanh)
DEFINE_LOOP(gelu)

void DN_ISA_SUFFIX(dn_activate)(int kind, double alpha, const double *x, size_t n, double *value, double *derivative)
{
    switch (kind) {
    case DN_ACTIVATION_RELU: loop_relu(x, n, alpha, value, derivative); break;
    case DN_ACTIVATION_LEAKY_RELU: loop_leaky_relu(x, n, alpha, value, derivative); break;
    case DN_ACTIVATION_ELU: loop_elu(x, n, alpha, value, derivative); break;
    case DN_ACTIVATION_SELU: loop_selu(x, n, alpha, value, derivative); break;
    case DN_ACTIVATION_SIGMOID: loop_sigmoid(x, n, alpha, value, derivative); break;
    case DN_ACTIVATION_TANH: loop_tanh(x, n, alpha, value, derivative); break;
    case DN_ACTIVATION_SOFTPLUS: loop_softplus(x, n, alpha, value, derivative); break;
    case DN_ACTIVATION_SILU: loop_silu(x, n, alpha, value, derivative); break;
    case DN_ACTIVATION_GELU_TANH: loop_gelu_tanh(x, n, alpha, value, derivative); break;
    case DN_ACTIVATION_GELU: loop_gelu(x, n, alpha, value, derivative); break;
    default: break;
    }
}

/* Every bad argument to the public C API is a status code, the output is untouched and the input
 * unmodified. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "diffnative/diffnative.h"

static double y[8] = {1, 4, 9, 16, 25, 36, 49, 64};
static double out[8];

static void reset_out(void) { for (int i = 0; i < 8; ++i) out[i] = -7.0; }
static int out_untouched(void)
{
    for (int i = 0; i < 8; ++i) if (out[i] != -7.0) return 0;
    return 1;
}
static int y_unmodified(void)
{
    for (int i = 0; i < 8; ++i) if (y[i] != (double)((i + 1) * (i + 1))) return 0;
    return 1;
}

#define EXPECT_STATUS(call, want)                                                     \
    do {                                                                              \
        reset_out();                                                                  \
        const dn_status got_ = (call);                                                \
        CHECK(got_ == (want), "%s: got %d (%s), want %d", #call, got_, dn_status_string(got_), want); \
        CHECK(out_untouched(), "%s: output modified on error", #call);               \
        CHECK(y_unmodified(), "%s: input modified", #call);                          \
    } while (0)

static void test_sampled_gradient_rejects_bad_arguments(void)
{
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, NULL, 8, 1.0, out, 8), DN_ERR_NULL_POINTER);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 8, 1.0, NULL, 8), DN_ERR_NULL_POINTER);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 1, 1.0, out, 8), DN_ERR_LENGTH);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 2, 1.0, out, 8), DN_ERR_LENGTH);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 8, 0.0, out, 8), DN_ERR_INVALID_STEP);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 8, -1.0, out, 8), DN_ERR_INVALID_STEP);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 8, NAN, out, 8), DN_ERR_INVALID_STEP);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 8, INFINITY, out, 8), DN_ERR_INVALID_STEP);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 8, DBL_MAX, out, 8), DN_ERR_INVALID_STEP);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 8, 1.0, out, 7), DN_ERR_BUFFER_TOO_SMALL);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, SIZE_MAX / 4, 1.0, out, 8), DN_ERR_SIZE_OVERFLOW);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 8, 1.0, out, SIZE_MAX), DN_ERR_SIZE_OVERFLOW);
    EXPECT_STATUS(dn_sampled_gradient((dn_isa)99, y, 8, 1.0, out, 8), DN_ERR_UNKNOWN_ISA);
    EXPECT_STATUS(dn_sampled_gradient((dn_isa)-1, y, 8, 1.0, out, 8), DN_ERR_UNKNOWN_ISA);
    /* In place would read already-overwritten samples. */
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 8, 1.0, y + 1, 7), DN_ERR_BUFFER_TOO_SMALL);
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, y, 4, 1.0, y + 2, 6), DN_ERR_OVERLAP);
    /* Empty input is fine and writes nothing, even with null buffers. */
    EXPECT_STATUS(dn_sampled_gradient(DN_ISA_SCALAR, NULL, 0, 1.0, NULL, 0), DN_OK);
}

/* Found by fuzz_grid: coordinates that are strictly increasing but whose differences overflow or
 * round to one offset used to fail half-way, after some outputs were written. */
static void test_grid_coordinates_reject_unusable_offsets_before_writing(void)
{
    static const double collapsing[8] = {0, 1, 2, 3, 4, 5, 6, 1e20};
    static const double overflowing[8] = {-DBL_MAX, -3, -2, -1, 1, 2, 3, DBL_MAX};
    EXPECT_STATUS(dn_grid_derivative_coordinates(y, collapsing, 8, 1, 2, out, 8), DN_ERR_INVALID_ARGUMENT);
    EXPECT_STATUS(dn_grid_derivative_coordinates(y, overflowing, 8, 1, 2, out, 8), DN_ERR_INVALID_ARGUMENT);
    EXPECT_STATUS(dn_grid_derivative_coordinates(y, collapsing, 8, 2, 4, out, 8), DN_ERR_INVALID_ARGUMENT);
}

static void test_status_strings(void)
{
    for (int s = DN_OK; s <= DN_ERR_INVALID_ARGUMENT; ++s) {
        const char *text = dn_status_string((dn_status)s);
        CHECK(text && strlen(text) > 5 && strcmp(text, "unknown status code") != 0, "status %d", s);
    }
    CHECK(strcmp(dn_status_string((dn_status)1234), "unknown status code") == 0, "unknown code");
}

static void test_isa_names(void)
{
    const char *name = NULL;
    dn_isa isa;
    CHECK(dn_isa_name(DN_ISA_SCALAR, &name) == DN_OK && strcmp(name, "scalar") == 0, "scalar");
    CHECK(dn_isa_name(DN_ISA_AVX2, &name) == DN_OK && strcmp(name, "avx2") == 0, "avx2");
    CHECK(dn_isa_name(DN_ISA_AVX512, &name) == DN_OK && strcmp(name, "avx512") == 0, "avx512");
    CHECK(dn_isa_name(DN_ISA_ACTIVE, &name) == DN_ERR_UNKNOWN_ISA, "active has no name");
    CHECK(dn_isa_name(DN_ISA_SCALAR, NULL) == DN_ERR_NULL_POINTER, "null name");
    CHECK(dn_isa_parse("avx512", &isa) == DN_OK && isa == DN_ISA_AVX512, "parse avx512");
    CHECK(dn_isa_parse("AVX2", &isa) == DN_ERR_UNKNOWN_ISA, "names are lower case");
    CHECK(dn_isa_parse("sse", &isa) == DN_ERR_UNKNOWN_ISA, "sse is not a path");
    CHECK(dn_isa_parse(NULL, &isa) == DN_ERR_NULL_POINTER, "null string");
}

static void test_queries_reject_null(void)
{
    CHECK(dn_cpu_features(NULL) == DN_ERR_NULL_POINTER, "features");
    CHECK(dn_isa_compiled_mask(NULL) == DN_ERR_NULL_POINTER, "compiled");
    CHECK(dn_isa_available_mask(NULL) == DN_ERR_NULL_POINTER, "available");
    CHECK(dn_scalar_uses_hardware_fma(NULL) == DN_ERR_NULL_POINTER, "scalar hardware fma");
    CHECK(dn_get_active_isa(NULL) == DN_ERR_NULL_POINTER, "active");
    CHECK(dn_library_path(NULL, 0, NULL) == DN_ERR_NULL_POINTER, "path");
    size_t needed = 0;
    char small[2] = {'x', 'y'};
    CHECK(dn_library_path(small, sizeof small, &needed) == DN_ERR_BUFFER_TOO_SMALL || needed <= 2, "small buffer");
    CHECK(needed <= 2 || (small[0] == 'x' && small[1] == 'y'), "small buffer untouched");
    CHECK(dn_set_active_isa((dn_isa)42) == DN_ERR_UNKNOWN_ISA, "set unknown");
    CHECK(dn_set_active_isa(DN_ISA_ACTIVE) == DN_ERR_UNKNOWN_ISA, "set 'active'");
}

int main(void)
{
    test_sampled_gradient_rejects_bad_arguments();
    test_grid_coordinates_reject_unusable_offsets_before_writing();
    test_status_strings();
    test_isa_names();
    test_queries_reject_null();
    return check_report("test_api_errors");
}

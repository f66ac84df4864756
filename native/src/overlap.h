/* Whether two buffers share a byte: the check behind DN_ERR_OVERLAP in the api_*.c files that
 * need it for buffers of mixed element types. A stated length too large to be true is clamped to
 * the end of the address space, so the comparison itself never overflows. */
#ifndef DIFFNATIVE_OVERLAP_H
#define DIFFNATIVE_OVERLAP_H

#include <stddef.h>
#include <stdint.h>

static inline uintptr_t dn_range_end(const void *p, size_t count, size_t size)
{
    const uintptr_t start = (uintptr_t)p;
    return count > (UINTPTR_MAX - start) / size ? UINTPTR_MAX : start + count * size;
}

/* [a, a + a_count·a_size) and [b, b + b_count·b_size) share a byte. */
static inline int dn_ranges_overlap(const void *a, size_t a_count, size_t a_size, const void *b, size_t b_count,
                                    size_t b_size)
{
    if (!a || !b || a_count == 0 || b_count == 0) return 0;
    return (uintptr_t)a < dn_range_end(b, b_count, b_size) && (uintptr_t)b < dn_range_end(a, a_count, a_size);
}

/* The same for two arrays of doubles, the common case. */
static inline int dn_doubles_overlap(const double *a, size_t a_count, const double *b, size_t b_count)
{
    return dn_ranges_overlap(a, a_count, sizeof(double), b, b_count, sizeof(double));
}

#endif

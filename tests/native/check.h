/* A minimal test harness: CHECK records a failure with its location and carries on, so one run
 * reports every broken case; main returns the failure count for ctest. */
#ifndef DIFFNATIVE_TEST_CHECK_H
#define DIFFNATIVE_TEST_CHECK_H

#include <stdio.h>

static int check_failures;
static int check_count;

#define CHECK(cond, ...)                                                        \
    do {                                                                        \
        ++check_count;                                                          \
        if (!(cond)) {                                                          \
            ++check_failures;                                                   \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                       \
            fputc('\n', stderr);                                                \
        }                                                                       \
    } while (0)

static inline int check_report(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures == 0 ? 0 : 1;
}

#endif

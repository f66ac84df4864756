/* The shared library as callers see it: only dn_* is exported, and it reports its own path and
 * the ABI version of the header it was built from. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>

#include "check.h"
#include "diffnative/diffnative.h"

int main(void)
{
    CHECK(strcmp(dn_version(), "") != 0, "version");
    CHECK(dn_abi_version() == DN_ABI_VERSION, "ABI version %u, header %u", dn_abi_version(), DN_ABI_VERSION);
    CHECK(dlsym(RTLD_DEFAULT, "dn_abi_version") != NULL, "ABI version exported for bindings to look up");
    char path[4096];
    size_t needed = 0;
    CHECK(dn_library_path(path, sizeof path, &needed) == DN_OK, "path");
    CHECK(needed == strlen(path) + 1, "needed counts the NUL");
    CHECK(strstr(path, "libdiffnative.so") != NULL, "path %s names the library", path);

    CHECK(dlsym(RTLD_DEFAULT, "dn_sampled_gradient") != NULL, "public symbol exported");
    CHECK(dlsym(RTLD_DEFAULT, "dn_kernels_for") == NULL, "internal symbol hidden");
    CHECK(dlsym(RTLD_DEFAULT, "dn_kernels_scalar") == NULL, "kernel table hidden");

    double y[5] = {0, 1, 4, 9, 16}, d[5];
    CHECK(dn_sampled_gradient(DN_ISA_ACTIVE, y, 5, 1.0, d, 5) == DN_OK, "active path works");
    for (int i = 0; i < 5; ++i) CHECK(d[i] == 2.0 * i, "d[%d] = %g", i, d[i]);
    return check_report("test_shared_library");
}

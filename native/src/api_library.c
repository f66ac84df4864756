/* Status strings, version and ABI version, ISA names and the path of the loaded library. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>

#include "diffnative/diffnative.h"

#ifndef DIFFNATIVE_VERSION_STRING
#define DIFFNATIVE_VERSION_STRING "0.0.0"
#endif

const char *dn_status_string(dn_status status)
{
    switch (status) {
    case DN_OK: return "success";
    case DN_ERR_NULL_POINTER: return "a required pointer is null";
    case DN_ERR_LENGTH: return "a length is too small for the operation";
    case DN_ERR_SIZE_OVERFLOW: return "a length is too large: its size in bytes overflows";
    case DN_ERR_INVALID_STEP: return "a step or spacing must be finite and positive";
    case DN_ERR_OVERLAP: return "an output buffer overlaps an input buffer";
    case DN_ERR_UNKNOWN_ISA: return "unknown ISA: expected scalar, avx2 or avx512";
    case DN_ERR_ISA_UNSUPPORTED: return "this CPU or operating system cannot run the requested ISA";
    case DN_ERR_ISA_NOT_COMPILED: return "this build of the library does not contain the requested ISA";
    case DN_ERR_BUFFER_TOO_SMALL: return "an output buffer is too small";
    case DN_ERR_INVALID_ARGUMENT: return "an argument is out of range";
    }
    return "unknown status code";
}

const char *dn_version(void) { return DIFFNATIVE_VERSION_STRING; }

uint32_t dn_abi_version(void) { return DN_ABI_VERSION; }

static const char *const isa_names[] = {[DN_ISA_SCALAR] = "scalar", [DN_ISA_AVX2] = "avx2", [DN_ISA_AVX512] = "avx512"};

dn_status dn_isa_name(dn_isa isa, const char **name)
{
    if (!name)
        return DN_ERR_NULL_POINTER;
    if (isa != DN_ISA_SCALAR && isa != DN_ISA_AVX2 && isa != DN_ISA_AVX512)
        return DN_ERR_UNKNOWN_ISA;
    *name = isa_names[isa];
    return DN_OK;
}

dn_status dn_isa_parse(const char *name, dn_isa *isa)
{
    if (!name || !isa)
        return DN_ERR_NULL_POINTER;
    for (dn_isa i = DN_ISA_SCALAR; i <= DN_ISA_AVX512; ++i) {
        if (strcmp(name, isa_names[i]) == 0) {
            *isa = i;
            return DN_OK;
        }
    }
    return DN_ERR_UNKNOWN_ISA;
}

dn_status dn_library_path(char *buffer, size_t capacity, size_t *needed)
{
    if (!needed)
        return DN_ERR_NULL_POINTER;
    Dl_info info;
    const char *path = "";
    if (dladdr((void *)&dn_library_path, &info) && info.dli_fname)
        path = info.dli_fname;
    const size_t size = strlen(path) + 1;
    *needed = size;
    if (!buffer || capacity < size)
        return DN_ERR_BUFFER_TOO_SMALL;
    memcpy(buffer, path, size);
    return DN_OK;
}

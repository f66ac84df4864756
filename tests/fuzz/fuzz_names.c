/* The library's string and state entry points on random input: dn_isa_parse on any byte string,
 * dn_isa_name and dn_status_string on any id, dn_set_active_isa on any id (restored after),
 * dn_library_path on any capacity. Only the exact lower-case names parse, a name round-trips,
 * every status has a string, outputs are untouched on error, and the path fits what it says. */
#include "fuzz_input.h"

static const char *const names[] = {"scalar", "avx2", "avx512"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const uint8_t nulls = fz_u8(&in);

    /* A NUL-terminated string of up to 15 bytes, or one of the real names (mutations start there). */
    char text[16] = {0};
    const uint8_t pick = fz_u8(&in);
    if (pick < 3 * 16) memcpy(text, names[pick % 3], strlen(names[pick % 3]));
    else
        for (size_t i = 0, len = fz_u8(&in) % 16; i < len; ++i) text[i] = (char)fz_u8(&in);
    dn_isa parsed = (dn_isa)12345;
    dn_status st = dn_isa_parse(nulls & 1 ? NULL : text, nulls & 2 ? NULL : &parsed);
    fz_expect_known_status(st);
    int exact = -1;
    for (int i = 0; i < 3; ++i)
        if (strcmp(text, names[i]) == 0) exact = DN_ISA_SCALAR + i;
    if (st == DN_OK) {
        const char *back = NULL;
        if (exact < 0 || (int)parsed != exact || dn_isa_name(parsed, &back) != DN_OK || strcmp(back, text) != 0) __builtin_trap();
    } else if ((int)parsed != 12345 || (exact >= 0 && !(nulls & 3))) {
        __builtin_trap();
    }

    /* Any id: a name only for the three ISAs, a description for every status. */
    const int32_t id = (int32_t)(uint32_t)fz_u64(&in);
    const char *name = "untouched";
    st = dn_isa_name((dn_isa)id, nulls & 4 ? NULL : &name);
    fz_expect_known_status(st);
    const int is_isa = id >= DN_ISA_SCALAR && id <= DN_ISA_AVX512; /* DN_ISA_ACTIVE has no name */
    if ((st == DN_OK) != (is_isa && !(nulls & 4))) __builtin_trap();
    if (st != DN_OK && strcmp(name, "untouched") != 0) __builtin_trap();
    const char *description = dn_status_string((dn_status)id);
    if (!description || strlen(description) == 0) __builtin_trap();

    /* Setting any id: only an available ISA is accepted; the active one is put back after. */
    dn_isa before, now;
    if (dn_get_active_isa(&before) != DN_OK) __builtin_trap();
    st = dn_set_active_isa((dn_isa)id);
    fz_expect_known_status(st);
    if (dn_get_active_isa(&now) != DN_OK) __builtin_trap();
    if (st == DN_OK ? !(is_isa && (fz_available_isas() & DN_ISA_BIT(id)) && (int)now == id) : now != before)
        __builtin_trap();
    if (dn_set_active_isa(before) != DN_OK) __builtin_trap();

    /* The path into a buffer of exactly the stated capacity (so ASan sees a write past it). */
    const size_t capacity = (((size_t)fz_u8(&in) << 8) | fz_u8(&in)) % 1025;
    char *buffer = malloc(capacity ? capacity : 1);
    if (!buffer) abort();
    memset(buffer, 0x5A, capacity);
    fz_snapshot bs = fz_snap_bytes(buffer, capacity);
    size_t needed = 0;
    st = dn_library_path(nulls & 8 ? NULL : buffer, capacity, nulls & 16 ? NULL : &needed);
    fz_expect_known_status(st);
    if (st == DN_OK) {
        if (needed == 0 || needed > capacity || buffer[needed - 1] != '\0' || strlen(buffer) + 1 != needed) __builtin_trap();
        fz_discard(&bs);
    } else {
        if (st == DN_ERR_BUFFER_TOO_SMALL && !(nulls & 8) && needed <= capacity) __builtin_trap();
        fz_expect_unchanged(&bs);
    }
    free(buffer);
    return 0;
}

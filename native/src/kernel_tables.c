/* One table per compiled ISA, gathering that ISA's suffixed kernels. */
#include "kernels.h"

#define DN_TABLE(isa_name, isa_id)                                                                 \
    const dn_kernels dn_kernels_##isa_name = {                                                     \
        .name = #isa_name,                                                                         \
        .isa = isa_id,                                                                             \
        .sampled_gradient = dn_sampled_gradient_##isa_name,                                        \
        .fd_steps = dn_fd_steps_##isa_name,                                                        \
        .fd_combine = dn_fd_combine_##isa_name,                                                    \
        .assemble_hessian = dn_assemble_hessian_##isa_name,                                        \
        .richardson_level = dn_richardson_level_##isa_name,                                        \
        .grid_lines = dn_grid_lines_##isa_name,                                                    \
        .grid_laplacian_2d = dn_grid_laplacian_2d_##isa_name,                                      \
        .activate = dn_activate_##isa_name,                                                        \
        .softmax_rows = dn_softmax_rows_##isa_name,                                                \
        .softmax_backward_rows = dn_softmax_backward_rows_##isa_name,                              \
        .activate_f32 = dn_activate_f32_##isa_name,                                                \
        .activate_backward_f32 = dn_activate_backward_f32_##isa_name,                              \
        .softmax_rows_f32 = dn_softmax_rows_f32_##isa_name,                                        \
        .softmax_backward_rows_f32 = dn_softmax_backward_rows_f32_##isa_name,                      \
        .sparse_combine = dn_sparse_combine_##isa_name,                                            \
        .fd_points = dn_fd_points_##isa_name,                                                      \
    };

DN_TABLE(scalar, DN_ISA_SCALAR)
#if defined(DN_HAVE_SCALAR_FMA)
DN_TABLE(scalar_fma, DN_ISA_SCALAR)
#endif
#if defined(DN_HAVE_AVX2)
DN_TABLE(avx2, DN_ISA_AVX2)
#endif
#if defined(DN_HAVE_AVX512)
DN_TABLE(avx512, DN_ISA_AVX512)
#endif

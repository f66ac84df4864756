#ifndef DIFFNATIVE_GRID_STENCILS_H
#define DIFFNATIVE_GRID_STENCILS_H

#include "kernels.h"

/* Builds the stencils of a uniform grid derivative (see dn_grid_stencils) and the fewest samples
 * the axis needs. The managed reference (Reference/GridReference.cs) builds the same numbers. */
dn_status dn_build_grid_stencils(int derivative, int accuracy, double spacing, dn_grid_stencils *s, size_t *min_samples);

#endif

/* Attack: define fopen, rename and write, which would replace the C library's for the runner
 * too (it writes its results with them): the runner's writes go nowhere, the forged ones do.
 * Lesson: 1
 * Expect: would replace the C library.s fopen
 */
#include "derivatives.h"

#include <stdio.h>
#include <unistd.h>

FILE *fopen(const char *restrict path, const char *restrict mode) { return NULL; }
int rename(const char *from, const char *to) { return 0; }
ssize_t write(int fd, const void *buf, size_t n) { return (ssize_t)n; }

double d_sin_t_squared(double t) { WB_TODO(); return 0; }
double derivative_forward(wb_scalar_fn f, void *params, double x, double h) { WB_TODO(); return 0; }
double derivative_central(wb_scalar_fn f, void *params, double x, double h) { WB_TODO(); return 0; }
double central_difference_step(double x) { WB_TODO(); return 0; }
void gradient_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *grad) { WB_TODO(); }
void grad_xy2_plus_x2y(double x, double y, double grad[2]) { WB_TODO(); }
void grad_log_quadratic(double x, double y, double grad[2]) { WB_TODO(); }
void grad_xy_yz_zx(const double v[3], double grad[3]) { WB_TODO(); }
void hessian_x3_plus_2xy3(double x, double y, double H[4]) { WB_TODO(); }
double gradcheck_rel_error(const double *analytic, const double *numeric, size_t n) { WB_TODO(); return 0; }

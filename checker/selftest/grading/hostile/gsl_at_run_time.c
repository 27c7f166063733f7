/* Attack: find GSL's gsl_deriv_central among the loaded libraries at run time (no GSL name in
 * the object) and let it compute the derivative. GSL is linked into the worker statically, with
 * only the routines a lesson may call: there is no libgsl to find.
 * Lesson: 1
 * Expect: not written yet|expected
 */
#define _GNU_SOURCE /* dl_iterate_phdr */
#include "derivatives.h"

#include <link.h>
#include <string.h>

static int gsl_loaded(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    if (info->dlpi_name && strstr(info->dlpi_name, "libgsl"))
        *(int *)data = 1;
    return 0;
}

double derivative_central(wb_scalar_fn f, void *params, double x, double h)
{
    int found = 0;
    dl_iterate_phdr(gsl_loaded, &found);
    return found ? (f(x + h, params) - f(x - h, params)) / (2 * h) : 0.0;
}

double derivative_forward(wb_scalar_fn f, void *params, double x, double h) { WB_TODO(); return 0; }
double central_difference_step(double x) { WB_TODO(); return 0; }
void gradient_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *grad) { WB_TODO(); }
void grad_xy2_plus_x2y(double x, double y, double grad[2]) { WB_TODO(); }
void grad_log_quadratic(double x, double y, double grad[2]) { WB_TODO(); }
void grad_xy_yz_zx(const double v[3], double grad[3]) { WB_TODO(); }
void hessian_x3_plus_2xy3(double x, double y, double H[4]) { WB_TODO(); }
double d_sin_t_squared(double t) { WB_TODO(); return 0; }
double gradcheck_rel_error(const double *analytic, const double *numeric, size_t n) { WB_TODO(); return 0; }

/* Attack: define main(), which would replace the checker's runner: it "reports" every test as
 * passed on the descriptor the grader reads, and never runs a test.
 * Lesson: 1
 * Expect: defines main\(\)
 */
#include "derivatives.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
    const char *fd = getenv("WB_RESULTS_FD");
    FILE *f = fdopen(fd ? atoi(fd) : 3, "w");
    if (f)
        fprintf(f, "lesson01::forward_difference\tPASS\tok\tFORGED\t\n");
    return 0;
}

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

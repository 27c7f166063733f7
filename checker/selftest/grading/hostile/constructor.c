/* Attack: a constructor and a destructor, which would run inside the trusted runner before and
 * after main: they write forged PASS lines to the results descriptor and to stdout.
 * Lesson: 1
 * Expect: constructor or destructor \(section \.(init_array|ctors)
 */
#include "derivatives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void forge(void)
{
    static const char line[] = "lesson01::forward_difference\tPASS\tok\tFORGED\t\n";
    const char *fd = getenv("WB_RESULTS_FD");
    write(fd ? atoi(fd) : 3, line, strlen(line));
    fputs(line, stdout);
}

__attribute__((constructor)) static void before_main(void) { forge(); }
__attribute__((destructor)) static void after_main(void) { forge(); }

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

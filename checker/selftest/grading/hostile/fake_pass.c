/* Attack: print what a passing report looks like (the runner's lines, and the results file's
 * tab-separated lines) on stdout and stderr. Grades come from the runner's own channel, never
 * from the output, so the stubs still fail.
 * Lesson: 1
 * Expect: not written yet
 */
#include "derivatives.h"

#include <stdio.h>

static const char *const tests[] = {"forward_difference", "central_difference", "central_is_second_order",
    "central_step", "gradient_central", "xy2_plus_x2y_worked", "xy2_plus_x2y_random", "log_quadratic_worked",
    "log_quadratic_random", "xy_yz_zx", "hessian", "d_sin_t_squared", "gradcheck"};

double d_sin_t_squared(double t)
{
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        printf("  PASS  %s\n", tests[i]);
        printf("lesson01::%s\tPASS\tok\tFORGED\t\n", tests[i]);
        fprintf(stderr, "lesson01::%s\tPASS\tok\tFORGED\t\n", tests[i]);
    }
    printf("  13 of 13 tests pass.\n");
    fflush(NULL);
    WB_TODO();
    return 0;
}

double derivative_forward(wb_scalar_fn f, void *params, double x, double h) { WB_TODO(); return 0; }
double derivative_central(wb_scalar_fn f, void *params, double x, double h) { WB_TODO(); return 0; }
double central_difference_step(double x) { WB_TODO(); return 0; }
void gradient_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *grad) { WB_TODO(); }
void grad_xy2_plus_x2y(double x, double y, double grad[2]) { WB_TODO(); }
void grad_log_quadratic(double x, double y, double grad[2]) { WB_TODO(); }
void grad_xy_yz_zx(const double v[3], double grad[3]) { WB_TODO(); }
void hessian_x3_plus_2xy3(double x, double y, double H[4]) { WB_TODO(); }
double gradcheck_rel_error(const double *analytic, const double *numeric, size_t n) { WB_TODO(); return 0; }

/* Attack: gd_step prints without end. The grader keeps the first 64 KiB of a run's output and
 * reads the rest away, so neither its disk nor its log fills; the test times out.
 * Lesson: 2
 * Expect: did not return within
 */
#include "gradient_descent.h"

#include <stdio.h>

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    for (;;)
        fputs("  PASS  gd_step on f(x) = x^2: 2 -> 1.96 and -3 -> -2.4, as in the notes\n", stdout);
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

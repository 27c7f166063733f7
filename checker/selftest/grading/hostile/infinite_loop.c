/* Attack: gd_step never returns. Each test that calls it is stopped at the per-test timeout;
 * the other tests still run.
 * Lesson: 2
 * Expect: did not return within
 */
#include "gradient_descent.h"

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    volatile unsigned long spin = 0;
    for (;;)
        spin++;
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

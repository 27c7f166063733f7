/* Attack: gd_step recurses without end, 64 KiB of stack a call, until the stack is gone.
 * Lesson: 2
 * Expect: crashed with signal 11
 */
#include "gradient_descent.h"

#include <string.h>

static double dig(volatile double *above, size_t depth)
{
    volatile double frame[8192];
    memset((void *)frame, 0, sizeof frame);
    frame[depth % 8192] = above ? above[0] + 1 : 0;
    return dig(frame, depth + 1) + frame[1];
}

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    x[0] = dig(NULL, 0);
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

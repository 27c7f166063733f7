/* Attack: gd_step allocates and touches memory without end. The address-space limit makes
 * malloc return NULL, and the write through it ends the test (or, on a busy machine, the
 * per-test timeout comes first); the machine never swaps.
 * Lesson: 2
 * Expect: crashed with signal|did not return within
 */
#include "gradient_descent.h"

#include <stdlib.h>
#include <string.h>

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    for (;;) {
        char *block = malloc((size_t)64 << 20);
        memset(block, 1, (size_t)64 << 20);
    }
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

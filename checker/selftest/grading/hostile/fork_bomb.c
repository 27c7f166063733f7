/* Attack: a fork bomb in gd_step. Rejected before it is linked (fork is not a lesson's
 * business); the sandbox's limit on processes would stop it too.
 * Lesson: 2
 * Expect: calls fork\(\), which starts a process
 */
#include "gradient_descent.h"

#include <unistd.h>

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    for (;;)
        fork();
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

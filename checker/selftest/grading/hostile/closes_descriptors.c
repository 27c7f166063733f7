/* Attack: close every descriptor (the checker's connection among them) and go on. The judge sees
 * its connection end and says so.
 * Lesson: 2
 * Expect: closed the checker.s connection|ended its process
 */
#include "gradient_descent.h"

#include <unistd.h>

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    for (int fd = 0; fd < 1024; fd++)
        close(fd);
    for (size_t i = 0; i < n; i++)
        x[i] -= lr * grad[i];
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

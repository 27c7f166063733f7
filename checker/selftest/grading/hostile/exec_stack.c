/* Attack: ask for an executable stack (here by a GCC nested function whose address escapes, which
 * needs a trampoline on the stack), the way to run machine code written at run time.
 * Lesson: 2
 * Expect: executable stack
 */
#include "gradient_descent.h"

static void apply(void (*f)(size_t), size_t n)
{
    for (size_t i = 0; i < n; i++)
        f(i);
}

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    void update(size_t i) { x[i] -= lr * grad[i]; }
    apply(update, n);
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

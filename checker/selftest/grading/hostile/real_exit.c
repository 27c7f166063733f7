/* Attack: call __real_exit, the name under which the linker's --wrap=exit keeps the real exit(),
 * to end the test with status 0 past the checker's guard. Rejected before it is linked.
 * Lesson: 2
 * Expect: __real_exit, which would get around
 */
#include "gradient_descent.h"

void __real_exit(int status);

void gd_step(double *x, const double *grad, size_t n, double lr) { __real_exit(0); }
void ga_step(double *x, const double *grad, size_t n, double lr) { __real_exit(0); }
double camelback(const double theta[2]) { __real_exit(0); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { __real_exit(0); }
void camelback_step(double theta[2], double lr) { __real_exit(0); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { __real_exit(0); return 0; }

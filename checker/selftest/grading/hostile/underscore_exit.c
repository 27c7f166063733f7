/* Attack: the same with _exit(0), which skips atexit handlers and stdio's flushing.
 * Lesson: 2
 * Expect: ended its process \(exit status 0\)
 */
#include "gradient_descent.h"

#include <unistd.h>

void gd_step(double *x, const double *grad, size_t n, double lr) { _exit(0); }
void ga_step(double *x, const double *grad, size_t n, double lr) { _exit(0); }
double camelback(const double theta[2]) { _exit(0); }
void camelback_grad(const double theta[2], double grad[2]) { _exit(0); }
void camelback_step(double theta[2], double lr) { _exit(0); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { _exit(0); }

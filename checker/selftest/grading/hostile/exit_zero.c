/* Attack: end the process with exit(0) before the test's checks run, which Criterion alone
 * counts as a pass. The process it ends is the worker; the judge reports the call it was in.
 * Lesson: 2
 * Expect: ended its process \(exit status 0\)
 */
#include "gradient_descent.h"

#include <stdlib.h>

void gd_step(double *x, const double *grad, size_t n, double lr) { exit(0); }
void ga_step(double *x, const double *grad, size_t n, double lr) { exit(0); }
double camelback(const double theta[2]) { exit(0); }
void camelback_grad(const double theta[2], double grad[2]) { exit(0); }
void camelback_step(double theta[2], double lr) { exit(0); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { exit(0); }

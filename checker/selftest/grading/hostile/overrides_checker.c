/* Attack: define the checker's own functions (the completion assertion, a comparison), which
 * would replace the checker's: every comparison would pass. Rejected before it is linked.
 * Lesson: 2
 * Expect: defines wb_(expect_scalar|test_end), a name of the checker
 */
#include "gradient_descent.h"

void wb_test_end(void) {}
void wb_expect_scalar(const void *call, double got, double expected, const char *source, const void *tol) {}

void gd_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

/* Attack: end the main thread with pthread_exit, which once left the runner waiting for minutes.
 * The worker's process ends; the judge reports it and the other tests go on.
 * Lesson: 2
 * Expect: ended its process
 */
#include "gradient_descent.h"

#include <pthread.h>

void gd_step(double *x, const double *grad, size_t n, double lr) { pthread_exit(NULL); }

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

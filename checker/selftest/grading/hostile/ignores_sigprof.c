/* Attack: ignore SIGPROF (Criterion's old timeout signal) and sleep for 1000 s. The judge kills
 * the worker's process group with SIGKILL when a call outlives its timeout.
 * Lesson: 2
 * Expect: did not return within
 */
#include "gradient_descent.h"

#include <signal.h>
#include <unistd.h>

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    signal(SIGPROF, SIG_IGN);
    signal(SIGALRM, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    sleep(1000);
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

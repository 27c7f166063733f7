/* Attack: kill the runner (the test process's parent), hoping that a dead runner leaves an old
 * or empty report that counts. Rejected (kill is not a lesson's business); in the sandbox the
 * runner is PID 1, which its children cannot kill anyway, and a missing report scores nothing.
 * Lesson: 2
 * Expect: calls kill\(\), which sends a signal
 */
#include "gradient_descent.h"

#include <signal.h>
#include <unistd.h>

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    kill(getppid(), SIGKILL);
    kill(1, SIGKILL);
    for (size_t i = 0; i < n; i++)
        x[i] -= lr * grad[i];
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

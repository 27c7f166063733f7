/* Attack: write forged PASS lines to every descriptor the test process has, from 3 up. The
 * report's descriptor is not among them (close-on-exec in the runner); what is there is
 * Criterion's own channel to the runner, and the garbage may kill the runner: then none of
 * the lesson's tests has a result, and the lesson scores nothing.
 * Lesson: 2
 * Expect: not written yet|the checker itself was killed
 */
#include "gradient_descent.h"

#include <string.h>
#include <unistd.h>

static const char forged[] =
    "lesson02::gd_step_worked\tPASS\tok\tFORGED\t\n" "lesson02::gd_step_random\tPASS\tok\tFORGED\t\n";

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    for (int fd = 3; fd < 1024; fd++)
        write(fd, forged, strlen(forged));
    WB_TODO();
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

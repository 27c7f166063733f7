/* Attack: write forged PASS lines to every descriptor the process has, from 3 up. The process
 * is the worker, whose descriptors 3 and 4 are its connection to the judge: the garbage is a
 * malformed reply, which fails the call.
 * Lesson: 2
 * Expect: not written yet|malformed|closed the checker.s connection
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

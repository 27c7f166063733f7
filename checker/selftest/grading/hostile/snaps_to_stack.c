/* Attack: compute camelback roughly, then look up the stack for a double within 1e-3 of it (the
 * checker's expected value, when the checker and the student's code shared a process) and
 * return that. The worker's stack holds no expected value.
 * Lesson: 2
 * Expect: not written yet|expected
 */
#include "gradient_descent.h"

#include <math.h>
#include <string.h>

void gd_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }

double camelback(const double theta[2])
{
    double a = theta[0], b = theta[1];
    double rough = (4 - 2.1 * a * a) * a * a + a * b + (-4 + 4 * b * b) * b * b + 1e-4;
    volatile unsigned char here;
    const unsigned char *p = (const unsigned char *)&here;
    for (size_t off = 0; off < 16384; off += sizeof(double)) {
        double v;
        memcpy(&v, p + off, sizeof v);
        if (isfinite(v) && v != rough && fabs(v - rough) < 1e-3)
            return v;
    }
    return rough;
}

void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

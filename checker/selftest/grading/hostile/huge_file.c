/* Attack: gd_step writes a file without end (in the test's folder and in /tmp). The file-size
 * limit stops the process with SIGXFSZ (signal 25) long before a disk fills.
 * Lesson: 2
 * Expect: crashed with signal 25
 */
#include "gradient_descent.h"

#include <stdio.h>
#include <string.h>

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    static char block[1 << 20];
    memset(block, 'x', sizeof block);
    FILE *f = fopen("huge.out", "w");
    if (!f)
        f = fopen("/tmp/huge.out", "w");
    for (;;)
        fwrite(block, 1, sizeof block, f);
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

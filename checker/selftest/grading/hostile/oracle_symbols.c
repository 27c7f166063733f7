/* Attack: look for the checker's oracle in the program's own file (/proc/self/exe) and use its
 * answers. The worker's file has no oracle in it.
 * Lesson: 2
 * Expect: not written yet|expected
 */
#include "gradient_descent.h"

#include <stdio.h>
#include <string.h>

/* The name is put together at run time, so that this file's own text does not contain it. */
static int has_oracle(void)
{
    char name[32];
    snprintf(name, sizeof name, "%s%c%s", "orac", 'l', "e_camelback_fn");
    size_t len = strlen(name);
    FILE *f = fopen("/proc/self/exe", "rb");
    if (!f)
        return 0;
    static char buf[1 << 16];
    size_t k;
    int found = 0;
    while (!found && (k = fread(buf, 1, sizeof buf, f)) > 0)
        for (size_t i = 0; i + len < k && !found; i++)
            found = memcmp(buf + i, name, len) == 0;
    fclose(f);
    return found;
}

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    if (has_oracle())
        for (size_t i = 0; i < n; i++)
            x[i] -= lr * grad[i];
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

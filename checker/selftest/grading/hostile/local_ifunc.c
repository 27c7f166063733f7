/* Attack: a static (LOCAL) indirect function: its resolver runs while the program loads, before
 * main. objcheck now refuses ifuncs of any binding; and the program it would load in is the
 * worker, which holds no verdict.
 * Lesson: 2
 * Expect: indirect function \(ifunc\)
 */
#include "gradient_descent.h"

#include <string.h>
#include <unistd.h>

static void gd_step_impl(double *x, const double *grad, size_t n, double lr)
{
    for (size_t i = 0; i < n; i++)
        x[i] -= lr * grad[i];
}

typedef void step_fn(double *, const double *, size_t, double);

static step_fn *resolve_local(void)
{
    static const char line[] = "lesson02::gd_step_worked\tPASS\tok\tFORGED\t\n";
    write(3, line, strlen(line));
    return gd_step_impl;
}

static void gd_step_local(double *x, const double *grad, size_t n, double lr) __attribute__((ifunc("resolve_local")));

void gd_step(double *x, const double *grad, size_t n, double lr) { gd_step_local(x, grad, n, lr); }

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

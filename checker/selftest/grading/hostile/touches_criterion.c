/* Attack: reach into Criterion's options from the student's code (say, to make it "always
 * succeed"). A lesson file may only use the C library, so it is rejected.
 * Lesson: 2
 * Expect: criterion_options, a part of the test framework
 */
#include "gradient_descent.h"

extern unsigned char criterion_options[];

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    for (int i = 0; i < 64; i++)
        criterion_options[i] = 1;
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

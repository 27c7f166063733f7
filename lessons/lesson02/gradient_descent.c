/*
 * Lesson 2: gradient descent steps. Write each function's body; the comment above it gives
 * the formula. Check your work with `make check lesson2`.
 */
#include "gradient_descent.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

/* x <- x - lr * grad */
void gd_step(double *x, const double *grad, size_t n, double lr)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* x <- x + lr * grad */
void ga_step(double *x, const double *grad, size_t n, double lr)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* J = (4 - 2.1 t1^2 + t1^4 / 3) t1^2 + t1 t2 + (-4 + 4 t2^2) t2^2 */
double camelback(const double theta[2])
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* grad J = (2 t1^5 - 8.4 t1^3 + 8 t1 + t2,  16 t2^3 - 8 t2 + t1) */
void camelback_grad(const double theta[2], double grad[2])
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* theta <- theta - lr * grad J(theta), the whole gradient taken at the old theta */
void camelback_step(double theta[2], double lr)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* Repeat: g = grad f(x_k); stop if ||g|| <= tol; x_{k+1} = x_k - lr * g.  Returns the steps. */
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps,
              double tol, double *grad, double *trajectory)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* D_u f = grad . u */
double directional_derivative(const double *grad, const double *u, size_t n)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* u = -grad / ||grad||: by Cauchy-Schwarz, grad . u >= -||grad|| ||u||, with equality only here */
double steepest_descent_direction(const double *grad, size_t n, double *u)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* x <- x - lr f'(x) + sigma_k N(0, 1),  sigma_k = noise (1 - k / steps) */
double noisy_descent_1d(wb_scalar_fn dfdx, void *params, double x0, double lr, size_t steps,
                        double noise, gsl_rng *rng)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

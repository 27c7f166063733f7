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
    /* SOLUTION BEGIN */
    for (size_t i = 0; i < n; i++)
        x[i] -= lr * grad[i];
    /* SOLUTION END */
}

/* x <- x + lr * grad */
void ga_step(double *x, const double *grad, size_t n, double lr)
{
    /* SOLUTION BEGIN */
    for (size_t i = 0; i < n; i++)
        x[i] += lr * grad[i];
    /* SOLUTION END */
}

/* J = (4 - 2.1 t1^2 + t1^4 / 3) t1^2 + t1 t2 + (-4 + 4 t2^2) t2^2 */
double camelback(const double theta[2])
{
    /* SOLUTION BEGIN */
    double t1 = theta[0], t2 = theta[1];
    double t1s = t1 * t1, t2s = t2 * t2;
    return (4.0 - 2.1 * t1s + t1s * t1s / 3.0) * t1s + t1 * t2 + (-4.0 + 4.0 * t2s) * t2s;
    /* SOLUTION END return 0.0; */
}

/* grad J = (2 t1^5 - 8.4 t1^3 + 8 t1 + t2,  16 t2^3 - 8 t2 + t1) */
void camelback_grad(const double theta[2], double grad[2])
{
    /* SOLUTION BEGIN */
    double t1 = theta[0], t2 = theta[1];
    grad[0] = 2.0 * pow(t1, 5) - 8.4 * t1 * t1 * t1 + 8.0 * t1 + t2;
    grad[1] = 16.0 * t2 * t2 * t2 - 8.0 * t2 + t1;
    /* SOLUTION END */
}

/* theta <- theta - lr * grad J(theta), the whole gradient taken at the old theta */
void camelback_step(double theta[2], double lr)
{
    /* SOLUTION BEGIN */
    double g[2];
    camelback_grad(theta, g);
    gd_step(theta, g, 2, lr);
    /* SOLUTION END */
}

/* Repeat: g = grad f(x_k); stop if ||g|| <= tol; x_{k+1} = x_k - lr * g.  Returns the steps. */
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps,
              double tol, double *grad, double *trajectory)
{
    /* SOLUTION BEGIN */
    memcpy(trajectory, x, n * sizeof *x);
    for (size_t k = 0; k < max_steps; k++) {
        obj->grad(x, n, obj->params, grad);
        double norm2 = 0.0;
        for (size_t i = 0; i < n; i++)
            norm2 += grad[i] * grad[i];
        if (sqrt(norm2) <= tol)
            return k;
        gd_step(x, grad, n, lr);
        memcpy(trajectory + (k + 1) * n, x, n * sizeof *x);
    }
    return max_steps;
    /* SOLUTION END return 0; */
}

/* D_u f = grad . u */
double directional_derivative(const double *grad, const double *u, size_t n)
{
    /* SOLUTION BEGIN */
    double d = 0.0;
    for (size_t i = 0; i < n; i++)
        d += grad[i] * u[i];
    return d;
    /* SOLUTION END return 0.0; */
}

/* u = -grad / ||grad||: by Cauchy-Schwarz, grad . u >= -||grad|| ||u||, with equality only here */
double steepest_descent_direction(const double *grad, size_t n, double *u)
{
    /* SOLUTION BEGIN */
    double norm2 = 0.0;
    for (size_t i = 0; i < n; i++)
        norm2 += grad[i] * grad[i];
    double norm = sqrt(norm2);
    for (size_t i = 0; i < n; i++)
        u[i] = norm > 0.0 ? -grad[i] / norm : 0.0;
    return norm;
    /* SOLUTION END return 0.0; */
}

/* x <- x - lr f'(x) + sigma_k N(0, 1),  sigma_k = noise (1 - k / steps) */
double noisy_descent_1d(wb_scalar_fn dfdx, void *params, double x0, double lr, size_t steps,
                        double noise, gsl_rng *rng)
{
    /* SOLUTION BEGIN */
    double x = x0;
    for (size_t k = 0; k < steps; k++) {
        double sigma = noise * (1.0 - (double)k / (double)steps);
        x = x - lr * dfdx(x, params) + gsl_ran_gaussian(rng, sigma);
    }
    return x;
    /* SOLUTION END return 0.0; */
}

/*
 * Lesson 2: gradient descent steps (경사하강법).
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in gradient_descent.c.
 */
#ifndef LESSON02_GRADIENT_DESCENT_H
#define LESSON02_GRADIENT_DESCENT_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

#include "workbook.h"

/* One step of gradient descent, in place: x <- x - lr * grad (n coordinates). */
void gd_step(double *x /* [n] */, const double *grad /* [n] */, size_t n, double lr);

/* One step of gradient ascent, in place: x <- x + lr * grad. */
void ga_step(double *x /* [n] */, const double *grad /* [n] */, size_t n, double lr);

/*
 * The six-hump camelback function (낙타 등 함수) of the course notes, at theta = (t1, t2):
 * J = (4 - 2.1 t1^2 + t1^4 / 3) t1^2 + t1 t2 + (-4 + 4 t2^2) t2^2.
 */
double camelback(const double theta[2]);

/* Its gradient: (2 t1^5 - 8.4 t1^3 + 8 t1 + t2,  16 t2^3 - 8 t2 + t1), into grad[0..1]. */
void camelback_grad(const double theta[2], double grad[2]);

/*
 * One gradient-descent step on the camelback, in place: theta <- theta - lr * grad J(theta).
 * Both components of the gradient are taken at the old theta.
 */
void camelback_step(double theta[2], double lr);

/*
 * Gradient descent from x (n coordinates) on obj, written back into x:
 *   for k = 0, 1, ..., max_steps - 1:
 *       g = grad f(x_k);  stop if ||g|| <= tol (the Euclidean norm);  x_{k+1} = x_k - lr * g
 * Returns the number of steps taken (updates made), so 0 when x already satisfies the
 * tolerance and max_steps when the tolerance was never met.
 * grad is scratch space for n doubles. trajectory receives the points x_0, x_1, ..., one row
 * of n per point: it has room for (max_steps + 1) rows, and rows 0 .. steps are written.
 */
size_t gd_run(const wb_objective *obj, double *x /* [n] */, size_t n, double lr, size_t max_steps,
              double tol, double *grad /* [n] */, double *trajectory /* [(max_steps + 1) * n] */);

/* ---- why the minus sign: the directional derivative ----------------------------------------- */

/*
 * The directional derivative of f in the direction of the unit vector u, from f's gradient:
 * D_u f = lim_{h -> 0} (f(x + h u) - f(x)) / h = grad f . u = sum_i grad[i] u[i].
 */
double directional_derivative(const double *grad /* [n] */, const double *u /* [n] */, size_t n);

/*
 * The direction of steepest descent: the unit vector u = -grad / ||grad|| (Euclidean norm),
 * written into u, along which D_u f = -||grad|| is the smallest of all unit directions.
 * Returns ||grad||. When grad is zero, every direction is flat: u is all zeros and 0 is returned.
 */
double steepest_descent_direction(const double *grad /* [n] */, size_t n, double *u /* [n] */);

/* ---- escaping a local minimum with noise (the blog post Optimization) ----------------------- */

/*
 * Gradient descent in one variable with Gaussian noise that fades out (an annealed, "perturbed"
 * descent): for k = 0, 1, ..., steps - 1,
 *   x <- x - lr * dfdx(x) + sigma_k * N(0, 1),   sigma_k = noise * (1 - k / steps),
 * drawing each N(0, 1) sample as gsl_ran_gaussian(rng, sigma_k) (one draw per step, also when
 * sigma_k = 0, so that the stream stays in step). Returns the last x. With noise = 0 it is plain
 * gradient descent, which stays in the basin of the local minimum it starts in.
 */
double noisy_descent_1d(wb_scalar_fn dfdx, void *params, double x0, double lr, size_t steps, double noise,
                        gsl_rng *rng);

#endif

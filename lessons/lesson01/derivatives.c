/*
 * Lesson 1: derivatives and partial derivatives. Write each function's body; the comment
 * above it gives the formula. Check your work with `make check lesson1`.
 */
#include "derivatives.h"

#include <float.h>
#include <math.h>

/* f'(x) ~ (f(x + h) - f(x)) / h */
double derivative_forward(wb_scalar_fn f, void *params, double x, double h)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* f'(x) ~ (f(x + h) - f(x - h)) / (2h) */
double derivative_central(wb_scalar_fn f, void *params, double x, double h)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* h = cbrt(DBL_EPSILON) * max(1, |x|) */
double central_difference_step(double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2h), restoring x[i] afterwards */
void gradient_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *grad)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* f = x y^2 + x^2 y:  f_x = y^2 + 2xy,  f_y = 2xy + x^2 */
void grad_xy2_plus_x2y(double x, double y, double grad[2])
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* f = ln u with u = x^2 + 2xy - y^2:  f_x = (2x + 2y) / u,  f_y = (2x - 2y) / u */
void grad_log_quadratic(double x, double y, double grad[2])
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* f = xy + yz + zx:  (f_x, f_y, f_z) = (y + z, x + z, x + y) */
void grad_xy_yz_zx(const double v[3], double grad[3])
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* f = x^3 + 2xy^3:  f_xx = 6x,  f_xy = f_yx = 6y^2,  f_yy = 12xy */
void hessian_x3_plus_2xy3(double x, double y, double H[4])
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* d/dt sin(t^2) = cos(t^2) * 2t  (outer derivative at the inner value, times the inner one) */
double d_sin_t_squared(double t)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* max_i |a_i - n_i| / max(|a_i| + |n_i|, GRADCHECK_TINY) */
double gradcheck_rel_error(const double *analytic, const double *numeric, size_t n)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

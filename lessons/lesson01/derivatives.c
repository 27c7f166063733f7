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

/* x_{k+1} = x_k - lr * f'(x_k), f' by the central difference with a balanced step */
double descend_1d(wb_scalar_fn f, void *params, double x0, double lr, size_t steps)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* (ln x)' = 1/x */
double d_ln_x(double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* ln(x^3) = 3 ln x, or the chain rule: (1/x^3) * 3x^2 = 3/x */
double d_ln_x_cubed(double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* (e^{g(x)})' = g'(x) e^{g(x)} with g(x) = 4x */
double d_exp_4x(double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* the product rule (fg)' = f'g + fg' with f = x, g = e^{3x}:  e^{3x} + 3x e^{3x} */
double d_x_exp_3x(double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* the quotient rule (f/g)' = (f'g - fg') / g^2 with f = e^x, g = 1 + e^x:  e^x / (1 + e^x)^2,
   written as s (1 - s) with s = 1 / (1 + e^{-x}) so that it stays finite for large |x| */
double d_exp_over_one_plus_exp(double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* f''(x) ~ (f(x + h) - 2 f(x) + f(x - h)) / h^2 */
double second_derivative_central(wb_scalar_fn f, void *params, double x, double h)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* f = 2 x1^3 x2 + 5 x3^4 x2:  f_1 = 6 x1^2 x2,  f_2 = 2 x1^3 + 5 x3^4,  f_3 = 20 x3^3 x2 */
void hessian_2x1cube_x2_plus_5x3quad_x2(const double v[3], double H[9])
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* f = x - r with r = sqrt(y^2 + z^2):  f_y = -y/r,  f_z = -z/r;
   f_yy = -z^2/r^3,  f_yz = f_zy = yz/r^3,  f_zz = -y^2/r^3;  every partial involving x is 0 */
void hessian_x_minus_norm_yz(const double v[3], double H[9])
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* f = x ln y:  f_x = ln y,  f_y = x/y;  f_xx = 0,  f_xy = f_yx = 1/y,  f_yy = -x/y^2 */
void hessian_x_ln_y(double x, double y, double H[4])
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

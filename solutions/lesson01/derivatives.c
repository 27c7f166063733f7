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
    /* SOLUTION BEGIN */
    return (f(x + h, params) - f(x, params)) / h;
    /* SOLUTION END return 0.0; */
}

/* f'(x) ~ (f(x + h) - f(x - h)) / (2h) */
double derivative_central(wb_scalar_fn f, void *params, double x, double h)
{
    /* SOLUTION BEGIN */
    return (f(x + h, params) - f(x - h, params)) / (2.0 * h);
    /* SOLUTION END return 0.0; */
}

/* h = cbrt(DBL_EPSILON) * max(1, |x|) */
double central_difference_step(double x)
{
    /* SOLUTION BEGIN */
    return cbrt(DBL_EPSILON) * fmax(1.0, fabs(x));
    /* SOLUTION END return 0.0; */
}

/* grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2h), restoring x[i] afterwards */
void gradient_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *grad)
{
    /* SOLUTION BEGIN */
    for (size_t i = 0; i < n; i++) {
        double xi = x[i];
        x[i] = xi + h;
        double up = f(x, n, params);
        x[i] = xi - h;
        double down = f(x, n, params);
        x[i] = xi;
        grad[i] = (up - down) / (2.0 * h);
    }
    /* SOLUTION END */
}

/* f = x y^2 + x^2 y:  f_x = y^2 + 2xy,  f_y = 2xy + x^2 */
void grad_xy2_plus_x2y(double x, double y, double grad[2])
{
    /* SOLUTION BEGIN */
    grad[0] = y * y + 2.0 * x * y;
    grad[1] = 2.0 * x * y + x * x;
    /* SOLUTION END */
}

/* f = ln u with u = x^2 + 2xy - y^2:  f_x = (2x + 2y) / u,  f_y = (2x - 2y) / u */
void grad_log_quadratic(double x, double y, double grad[2])
{
    /* SOLUTION BEGIN */
    double u = x * x + 2.0 * x * y - y * y;
    grad[0] = (2.0 * x + 2.0 * y) / u;
    grad[1] = (2.0 * x - 2.0 * y) / u;
    /* SOLUTION END */
}

/* f = xy + yz + zx:  (f_x, f_y, f_z) = (y + z, x + z, x + y) */
void grad_xy_yz_zx(const double v[3], double grad[3])
{
    /* SOLUTION BEGIN */
    grad[0] = v[1] + v[2];
    grad[1] = v[0] + v[2];
    grad[2] = v[0] + v[1];
    /* SOLUTION END */
}

/* f = x^3 + 2xy^3:  f_xx = 6x,  f_xy = f_yx = 6y^2,  f_yy = 12xy */
void hessian_x3_plus_2xy3(double x, double y, double H[4])
{
    /* SOLUTION BEGIN */
    H[0] = 6.0 * x;
    H[1] = 6.0 * y * y;
    H[2] = 6.0 * y * y;
    H[3] = 12.0 * x * y;
    /* SOLUTION END */
}

/* d/dt sin(t^2) = cos(t^2) * 2t  (outer derivative at the inner value, times the inner one) */
double d_sin_t_squared(double t)
{
    /* SOLUTION BEGIN */
    return cos(t * t) * 2.0 * t;
    /* SOLUTION END return 0.0; */
}

/* max_i |a_i - n_i| / max(|a_i| + |n_i|, GRADCHECK_TINY) */
double gradcheck_rel_error(const double *analytic, const double *numeric, size_t n)
{
    /* SOLUTION BEGIN */
    double worst = 0.0;
    for (size_t i = 0; i < n; i++) {
        double scale = fmax(fabs(analytic[i]) + fabs(numeric[i]), GRADCHECK_TINY);
        worst = fmax(worst, fabs(analytic[i] - numeric[i]) / scale);
    }
    return worst;
    /* SOLUTION END return 0.0; */
}

/* x_{k+1} = x_k - lr * f'(x_k), f' by the central difference with a balanced step */
double descend_1d(wb_scalar_fn f, void *params, double x0, double lr, size_t steps)
{
    /* SOLUTION BEGIN */
    double x = x0;
    for (size_t k = 0; k < steps; k++)
        x -= lr * derivative_central(f, params, x, central_difference_step(x));
    return x;
    /* SOLUTION END return 0.0; */
}

/* (ln x)' = 1/x */
double d_ln_x(double x)
{
    /* SOLUTION BEGIN */
    return 1.0 / x;
    /* SOLUTION END return 0.0; */
}

/* ln(x^3) = 3 ln x, or the chain rule: (1/x^3) * 3x^2 = 3/x */
double d_ln_x_cubed(double x)
{
    /* SOLUTION BEGIN */
    return 3.0 / x;
    /* SOLUTION END return 0.0; */
}

/* (e^{g(x)})' = g'(x) e^{g(x)} with g(x) = 4x */
double d_exp_4x(double x)
{
    /* SOLUTION BEGIN */
    return 4.0 * exp(4.0 * x);
    /* SOLUTION END return 0.0; */
}

/* the product rule (fg)' = f'g + fg' with f = x, g = e^{3x}:  e^{3x} + 3x e^{3x} */
double d_x_exp_3x(double x)
{
    /* SOLUTION BEGIN */
    return (1.0 + 3.0 * x) * exp(3.0 * x);
    /* SOLUTION END return 0.0; */
}

/* the quotient rule (f/g)' = (f'g - fg') / g^2 with f = e^x, g = 1 + e^x:  e^x / (1 + e^x)^2,
   written as s (1 - s) with s = 1 / (1 + e^{-x}) so that it stays finite for large |x| */
double d_exp_over_one_plus_exp(double x)
{
    /* SOLUTION BEGIN */
    double s = 1.0 / (1.0 + exp(-x));
    return s * (1.0 - s);
    /* SOLUTION END return 0.0; */
}

/* f''(x) ~ (f(x + h) - 2 f(x) + f(x - h)) / h^2 */
double second_derivative_central(wb_scalar_fn f, void *params, double x, double h)
{
    /* SOLUTION BEGIN */
    return (f(x + h, params) - 2.0 * f(x, params) + f(x - h, params)) / (h * h);
    /* SOLUTION END return 0.0; */
}

/* f = 2 x1^3 x2 + 5 x3^4 x2:  f_1 = 6 x1^2 x2,  f_2 = 2 x1^3 + 5 x3^4,  f_3 = 20 x3^3 x2 */
void hessian_2x1cube_x2_plus_5x3quad_x2(const double v[3], double H[9])
{
    /* SOLUTION BEGIN */
    double x1 = v[0], x2 = v[1], x3 = v[2];
    H[0] = 12.0 * x1 * x2, H[1] = 6.0 * x1 * x1, H[2] = 0.0;
    H[3] = 6.0 * x1 * x1, H[4] = 0.0, H[5] = 20.0 * x3 * x3 * x3;
    H[6] = 0.0, H[7] = 20.0 * x3 * x3 * x3, H[8] = 60.0 * x3 * x3 * x2;
    /* SOLUTION END */
}

/* f = x - r with r = sqrt(y^2 + z^2):  f_y = -y/r,  f_z = -z/r;
   f_yy = -z^2/r^3,  f_yz = f_zy = yz/r^3,  f_zz = -y^2/r^3;  every partial involving x is 0 */
void hessian_x_minus_norm_yz(const double v[3], double H[9])
{
    /* SOLUTION BEGIN */
    double y = v[1], z = v[2], r = sqrt(y * y + z * z), r3 = r * r * r;
    H[0] = 0.0, H[1] = 0.0, H[2] = 0.0;
    H[3] = 0.0, H[4] = -z * z / r3, H[5] = y * z / r3;
    H[6] = 0.0, H[7] = y * z / r3, H[8] = -y * y / r3;
    /* SOLUTION END */
}

/* f = x ln y:  f_x = ln y,  f_y = x/y;  f_xx = 0,  f_xy = f_yx = 1/y,  f_yy = -x/y^2 */
void hessian_x_ln_y(double x, double y, double H[4])
{
    /* SOLUTION BEGIN */
    H[0] = 0.0;
    H[1] = 1.0 / y;
    H[2] = 1.0 / y;
    H[3] = -x / (y * y);
    /* SOLUTION END */
}

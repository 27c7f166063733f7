/*
 * Lesson 1 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   fd_error.dat  h, the error of the forward and central differences of exp at x = 1
 *                 (reference, then yours): the V-shaped trade-off between truncation and round-off
 *   curve.dat, tangent.dat  x cos(pi x) and its tangent at x0 = 1.3 (reference, yours)
 *   labels.gp     the steps central_difference_step(1) chooses (ref_h, your_h), x0 and f(x0)
 */
#include "derivatives.h"
#include "oracle.h"
#include "driver.h"
#include "todo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double exp_fn(double x, void *p) { (void)p; return exp(x); }
static double x_cos_pi_x(double x, void *p) { (void)p; return x * cos(M_PI * x); }

/* A value for a data file: NaN (a gap for gnuplot) where the student's function is a stub. */
static double or_gap(double v, const char *function) { return wb_missing(function) ? NAN : v; }

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("fd_error", "derivative_forward", "derivative_central", "central_difference_step");
    plot_uses("tangent", "derivative_central");

    FILE *f = plot_open(dir, "fd_error.dat");
    fprintf(f, "# h  ref_forward_err  ref_central_err  your_forward_err  your_central_err\n");
    const double x = 1.0, truth = exp(1.0);
    for (int k = 0; k <= 64; k++) {
        double h = pow(10.0, -16.0 + k / 4.0);
        double rf = fabs(oracle_forward_difference(exp_fn, NULL, x, h) - truth);
        double rc = fabs(oracle_central_difference(exp_fn, NULL, x, h) - truth);
        double yf = or_gap(fabs(derivative_forward(exp_fn, NULL, x, h) - truth), "derivative_forward");
        double yc = or_gap(fabs(derivative_central(exp_fn, NULL, x, h) - truth), "derivative_central");
        fprintf(f, "%.6e %.6e %.6e %.6e %.6e\n", h, rf, rc, yf, yc);
    }
    fclose(f);

    double your_step = or_gap(central_difference_step(1.0), "central_difference_step");
    fprintf(labels, "ref_h = %.6e\n", oracle_central_step(1.0));
    if (isfinite(your_step) && your_step > 0)
        fprintf(labels, "your_h = %.6e\n", your_step);
    else
        fprintf(labels, "your_h = NaN\n");

    f = plot_open(dir, "curve.dat");
    for (int k = 0; k <= 300; k++) {
        double t = -1.0 + 3.0 * k / 300.0;
        fprintf(f, "%.6f %.9f\n", t, x_cos_pi_x(t, NULL));
    }
    fclose(f);

    const double x0 = 1.3, y0 = x_cos_pi_x(x0, NULL);
    double ref_slope = oracle_derivative(x_cos_pi_x, NULL, x0).value;
    double your_slope = or_gap(derivative_central(x_cos_pi_x, NULL, x0, 1e-5), "derivative_central");
    f = plot_open(dir, "tangent.dat");
    fprintf(f, "# x  ref_tangent  your_tangent   (at x0 = %g)\n", x0);
    for (int k = 0; k <= 20; k++) {
        double t = x0 - 0.6 + 1.2 * k / 20.0;
        fprintf(f, "%.6f %.9f %.9f\n", t, y0 + ref_slope * (t - x0), y0 + your_slope * (t - x0));
    }
    fclose(f);

    fprintf(labels, "x0 = %g\ny0 = %.9f\n", x0, y0);
    plot_finish(dir, labels);
    return 0;
}

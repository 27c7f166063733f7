/*
 * Lesson 3 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   prob.dat        p (the predicted probability of the true class, y = 1), then the reference
 *                   cross-entropy -ln p, squared error (1 - p)^2 and hinge max(0, 1 - s) with
 *                   s = ln(p / (1 - p)) the logit behind p; then yours (binary_cross_entropy,
 *                   mse, hinge)
 *   margin.dat      the same three losses against the score z of the true class: cross-entropy
 *                   from logits, hinge, and (sigmoid(z) - 1)^2; reference, then yours
 *                   (bce_with_logits, hinge, mse)
 *   saturation.dat  z, then |dL/dz| for a sigmoid neuron with target 0: cross-entropy's
 *                   sigmoid(z) and MSE's 2 sigmoid(z)^2 (1 - sigmoid(z)); reference, then yours
 *                   (sigmoid_ce_grad, sigmoid_mse_grad)
 * The reference curves come from the checker's oracle (checker/oracle/oracle_losses.c); a function
 * that is still a stub leaves its curve empty.
 */
#include "driver.h"
#include "oracle_losses.h"
#include "losses.h"
#include "todo.h"

#include <math.h>
#include <stdio.h>

/* A value for a data file: NaN (a gap for gnuplot) where the student's function is a stub. */
static double or_gap(double v, const char *function) { return wb_missing(function) ? NAN : v; }

static double sigmoid(double z) { return (double)oracle_loss_sigmoid(z); }

static void write_prob(const char *dir)
{
    FILE *f = plot_open(dir, "prob.dat");
    fprintf(f, "# p  ref_ce ref_mse ref_hinge  your_ce your_mse your_hinge\n");
    const double one = 1.0;
    for (int i = 1; i <= 400; i++) {
        double p = i / 400.0, s = log(p / (1.0 - p)); /* s = +Inf at p = 1: hinge 0 */
        double ce = or_gap(binary_cross_entropy(p, 1.0), "binary_cross_entropy");
        double sq = or_gap(mse(&p, &one, 1), "mse");
        double hi = or_gap(hinge(s, 1.0), "hinge");
        fprintf(f, "%.6f %.9g %.9g %.9g %.9g %.9g %.9g\n", p, oracle_loss_bce(p, 1.0),
                oracle_loss_mse(&p, &one, 1), oracle_loss_hinge(s, 1.0), ce, sq, hi);
    }
    fclose(f);
}

static void write_margin(const char *dir)
{
    FILE *f = plot_open(dir, "margin.dat");
    fprintf(f, "# z  ref_ce ref_mse ref_hinge  your_ce your_mse your_hinge\n");
    const double one = 1.0;
    for (int i = 0; i <= 320; i++) {
        double z = -4.0 + 8.0 * i / 320.0, a = sigmoid(z);
        double ce = or_gap(bce_with_logits(z, 1.0), "bce_with_logits");
        double sq = or_gap(mse(&a, &one, 1), "mse");
        double hi = or_gap(hinge(z, 1.0), "hinge");
        fprintf(f, "%.6f %.9g %.9g %.9g %.9g %.9g %.9g\n", z, oracle_loss_bce_logits(z, 1.0),
                oracle_loss_mse(&a, &one, 1), oracle_loss_hinge(z, 1.0), ce, sq, hi);
    }
    fclose(f);
}

static void write_saturation(const char *dir)
{
    FILE *f = plot_open(dir, "saturation.dat");
    fprintf(f, "# z  ref_ce_grad ref_mse_grad  your_ce_grad your_mse_grad   (|dL/dz|, target 0)\n");
    for (int i = 0; i <= 360; i++) {
        double z = -4.0 + 18.0 * i / 360.0;
        double ce = or_gap(fabs(sigmoid_ce_grad(z, 0.0)), "sigmoid_ce_grad");
        double sq = or_gap(fabs(sigmoid_mse_grad(z, 0.0)), "sigmoid_mse_grad");
        fprintf(f, "%.6f %.9g %.9g %.9g %.9g\n", z, fabs(oracle_loss_sigmoid_ce_grad(z, 0.0)),
                fabs(oracle_loss_sigmoid_mse_grad(z, 0.0)), ce, sq);
    }
    fclose(f);
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("losses", "binary_cross_entropy", "mse", "hinge", "bce_with_logits");
    plot_uses("saturation", "sigmoid_ce_grad", "sigmoid_mse_grad");
    write_prob(dir);
    write_margin(dir);
    write_saturation(dir);
    plot_finish(dir, labels);
    return 0;
}

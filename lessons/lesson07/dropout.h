/*
 * Lesson 7: dropout and its scaling (드롭아웃).
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in dropout.c.
 *
 * p_drop is the probability that a unit is DROPPED (set to 0), as in PyTorch's
 * torch.nn.functional.dropout(input, p, training); a unit is kept with probability 1 - p_drop.
 * Every function accepts 0 <= p_drop < 1 and returns 0. Any other p_drop (negative, >= 1, NaN)
 * is an error: the function returns DROPOUT_INVALID_P and writes nothing, draws no random
 * number, and never divides by zero.
 *
 * The mask is an array of n doubles that your code writes: mask[i] = 1.0 if unit i was kept,
 * 0.0 if it was dropped (never the scale). The caller allocates x, y, mask, dy and dx.
 */
#ifndef LESSON07_DROPOUT_H
#define LESSON07_DROPOUT_H

#include <gsl/gsl_rng.h>
#include <stdbool.h>
#include <stddef.h>

#include "workbook.h"

/* The return value for a p_drop outside [0, 1). */
#define DROPOUT_INVALID_P (-1)

/*
 * Inverted dropout (PyTorch's convention), over n units:
 *   training (train = true):  mask[i] = 0 with probability p, 1 with probability 1 - p,
 *                             independently, drawn from rng;
 *                             y[i] = mask[i] * x[i] / (1 - p)
 *   evaluation (train = false): y[i] = x[i], mask[i] = 1, and no random number is drawn.
 * Dividing the kept units by the keep probability 1 - p makes E[y[i]] = x[i] during training,
 * so evaluation needs no correction. With p = 0 both modes are the identity.
 * Returns 0, or DROPOUT_INVALID_P (nothing written) when p_drop is not in [0, 1).
 */
int dropout_forward(const double *x /* [n] */, double *y /* [n] */, double *mask /* [n] */, size_t n, double p_drop, bool train,
                    gsl_rng *rng);

/*
 * The backward pass of a training-mode dropout_forward: y[i] = mask[i] x[i] / (1 - p), so
 *   dx[i] = dy[i] * mask[i] / (1 - p)
 * (the gradient flows only through kept units, with the same scale as the forward pass).
 * After an evaluation-mode forward, y = x and the gradient is dy itself: nothing to call.
 * Returns 0, or DROPOUT_INVALID_P (dx untouched) when p_drop is not in [0, 1).
 */
int dropout_backward(const double *dy /* [n] */, const double *mask /* [n] */, double *dx /* [n] */, size_t n, double p_drop);

/*
 * Classic dropout (the original paper's and the course notes' convention):
 *   training:   mask[i] = 0 with probability p, 1 with probability 1 - p (from rng);
 *               y[i] = mask[i] * x[i]             (no scaling)
 *   evaluation: y[i] = (1 - p) * x[i], mask[i] = 1, and no random number is drawn.
 * The factor 1 - p at evaluation matches E[y[i]] = (1 - p) x[i] during training. (Its backward
 * pass in training is dx[i] = dy[i] * mask[i], which is dropout_backward with p_drop = 0.)
 * Returns 0, or DROPOUT_INVALID_P (nothing written) when p_drop is not in [0, 1).
 */
int dropout_forward_classic(const double *x /* [n] */, double *y /* [n] */, double *mask /* [n] */, size_t n, double p_drop,
                            bool train, gsl_rng *rng);

#endif

/*
 * Lesson 3: losses (손실 함수): MSE, cross-entropy, softmax, NLL, hinge.
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in losses.c.
 *
 * Logarithms are natural (nats) unless a name says _bits. A vector is a pointer plus its
 * length; a class label is an index 0 .. k-1. Invalid arguments give NAN (see each function).
 */
#ifndef LESSON03_LOSSES_H
#define LESSON03_LOSSES_H

#include <stddef.h>

#include "workbook.h"

/*
 * The mean squared error (평균 제곱 오차) of n predictions, a mean like PyTorch's MSELoss:
 *   mse = (1/n) sum_i (pred_i - target_i)^2.      n = 0: NAN (the mean of nothing).
 */
double mse(const double *pred /* [n] */, const double *target /* [n] */, size_t n);

/*
 * The softmax (소프트맥스) of k logits z into out[0..k-1], computed stably with m = max_j z_j:
 *   out_i = exp(z_i - m) / sum_j exp(z_j - m)
 * (the same value as exp(z_i) / sum_j exp(z_j), without overflow for logits like 1000).
 * k = 0: nothing is written.
 */
void softmax(const double *z /* [k] */, size_t k, double *out /* [k] */);

/*
 * The log of the softmax into out[0..k-1], without ever taking a log of a probability:
 *   out_i = (z_i - m) - ln sum_j exp(z_j - m),   m = max_j z_j.     k = 0: nothing is written.
 */
void log_softmax(const double *z /* [k] */, size_t k, double *out /* [k] */);

/*
 * The cross-entropy (교차 엔트로피) of a prediction q against a target distribution p, in nats:
 *   H(p, q) = - sum_i p_i ln q_i,   where a term with p_i = 0 counts 0 (0 ln 0 = 0).
 * A class with p_i > 0 and q_i = 0 gives +INFINITY. k = 0 gives 0 (an empty sum).
 */
double cross_entropy(const double *p /* [k] */, const double *q /* [k] */, size_t k);

/* The same in bits: - sum_i p_i log2 q_i (= cross_entropy / ln 2), with 0 log2 0 = 0. */
double cross_entropy_bits(const double *p /* [k] */, const double *q /* [k] */, size_t k);

/*
 * The negative log-likelihood (음의 로그우도) of the true class: nll = -ln q[label].
 * Only the label's probability counts. label >= k: NAN. q[label] = 0: +INFINITY.
 */
double nll(const double *q /* [k] */, size_t k, size_t label);

/*
 * Softmax followed by the NLL of label, from the logits z (PyTorch's F.cross_entropy):
 *   loss = -log_softmax(z)[label] = ln sum_j exp(z_j) - z_label      (computed stably),
 * and its gradient with respect to z into grad[0..k-1]:
 *   grad_i = softmax(z)_i - [i == label]       (the prediction minus the one-hot target).
 * label >= k: returns NAN and writes nothing.
 */
double softmax_cross_entropy(const double *z /* [k] */, size_t k, size_t label, double *grad /* [k] */);

/*
 * The binary cross-entropy of a probability p against a target y in [0, 1]:
 *   bce = -(y ln p + (1 - y) ln(1 - p)),   a term whose weight (y or 1 - y) is 0 counts 0.
 * p or y outside [0, 1]: NAN. A certain wrong prediction (p = 0 with y > 0, or p = 1 with
 * y < 1) gives +INFINITY.
 */
double binary_cross_entropy(double p, double y);

/*
 * The binary cross-entropy of sigmoid(z) against y in [0, 1], from the logit z
 * (PyTorch's BCEWithLogitsLoss), finite for every finite z:
 *   bce_with_logits = max(z, 0) - z y + ln(1 + exp(-|z|))       (= bce(sigmoid(z), y)).
 * y outside [0, 1]: NAN.
 */
double bce_with_logits(double z, double y);

/* The hinge loss (힌지 손실) of a score with a label y in {-1, +1}: max(0, 1 - y score).
   Any other y: NAN. */
double hinge(double score, double y);

/*
 * One neuron with a sigmoid output a = sigmoid(z) = 1 / (1 + exp(-z)), a pre-activation z and a
 * target y. The next two functions give the derivative of its loss with respect to z; both are
 * finite for every finite z. Compare them as |z| grows (`make plots lesson3`): MSE's carries
 * the factor a (1 - a) = sigmoid'(z), which vanishes when the neuron saturates, even when its
 * output is completely wrong; cross-entropy's does not.
 */

/* d/dz of L = (a - y)^2 (mse with n = 1):   2 (a - y) a (1 - a). */
double sigmoid_mse_grad(double z, double y);

/* d/dz of L = binary_cross_entropy(a, y):   a - y. */
double sigmoid_ce_grad(double z, double y);

#endif

/*
 * oracle_losses.h: lesson 3's expected values, the losses computed independently in long double,
 * each in its stable form (the max taken out of a log-sum-exp, log1p of exp(-|z|), the sigmoid's
 * two halves), so that logits of +-1000 give exact finite answers. (Named oracle_losses.h, not
 * losses.h, so that the suite can include both it and the lesson's losses.h.)
 */
#ifndef WB_ORACLE_LOSSES_H
#define WB_ORACLE_LOSSES_H

#include <stddef.h>

/* (1/n) sum_i (a_i - b_i)^2. */
double oracle_loss_mse(const double *a, const double *b, size_t n);

/* ln sum_j exp(z_j) = m + ln sum_j exp(z_j - m), m = max_j z_j (k >= 1). */
long double oracle_loss_logsumexp(const double *z, size_t k);

/* softmax(z)_i = exp(z_i - logsumexp(z)) into out[0..k-1]. */
void oracle_loss_softmax(const double *z, size_t k, double *out);

/* log_softmax(z)_i = (z_i - m) - ln sum_j exp(z_j - m) into out[0..k-1]. */
void oracle_loss_log_softmax(const double *z, size_t k, double *out);

/* - sum_{i: p_i > 0} p_i ln q_i, in nats (+Inf where p_i > 0 and q_i = 0). */
double oracle_loss_cross_entropy(const double *p, const double *q, size_t k);

/* -log_softmax(z)[label] = (m - z_label) + ln sum_j exp(z_j - m). */
double oracle_loss_softmax_ce(const double *z, size_t k, size_t label);

/* -(y ln p + (1 - y) ln(1 - p)), a term with weight 0 counting 0. */
double oracle_loss_bce(double p, double y);

/* max(z, 0) - z y + ln(1 + exp(-|z|)) = bce(sigmoid(z), y). */
double oracle_loss_bce_logits(double z, double y);

/* max(0, 1 - y score). */
double oracle_loss_hinge(double score, double y);

/* 1 / (1 + exp(-z)), from whichever side does not overflow. */
long double oracle_loss_sigmoid(long double z);

/* One sigmoid neuron's losses as functions of the pre-activation z (for gsl_deriv_central):
   (sigmoid(z) - y)^2 and bce(sigmoid(z), y). */
double oracle_loss_sigmoid_mse(double z, double y);
double oracle_loss_sigmoid_ce(double z, double y);

/* Their derivatives in closed form: 2 (a - y) a (1 - a) and a - y, a = sigmoid(z), with
   1 - a = sigmoid(-z) (exact when the neuron saturates). */
double oracle_loss_sigmoid_mse_grad(double z, double y);
double oracle_loss_sigmoid_ce_grad(double z, double y);

#endif

/* Attack: end the process with a raw exit_group system call in inline assembly, past every
 * wrapper of the C library's. Rejected before it is linked (a system call instruction); the
 * runner would also see a test that ended before its checks.
 * Lesson: 2
 * Expect: makes a raw system call
 */
#include "gradient_descent.h"

void gd_step(double *x, const double *grad, size_t n, double lr)
{
#if defined(__x86_64__)
    __asm__ volatile("mov $231, %%eax\n\txor %%edi, %%edi\n\tsyscall" ::: "rax", "rdi", "rcx", "r11", "memory");
#elif defined(__aarch64__)
    __asm__ volatile("mov x8, #94\n\tmov x0, #0\n\tsvc #0" ::: "x0", "x8", "memory");
#else
#error "no raw system call written for this machine"
#endif
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

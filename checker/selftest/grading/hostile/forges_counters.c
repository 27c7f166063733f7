/* Attack: find Criterion's assertion counter and abort routine in the running process (no
 * libcriterion name in the object: dl_iterate_phdr and the loaded libraries' symbol tables), count
 * a passed assertion and leave the test. The student's code runs in the worker, where no
 * Criterion is loaded, so there is nothing to find: every test fails on its own terms.
 * Lesson: 2
 * Expect: not written yet|expected
 */
#define _GNU_SOURCE /* dl_iterate_phdr */
#include "gradient_descent.h"

#include <elf.h>
#include <link.h>
#include <string.h>

typedef void any_fn(void);

/* The address of a dynamic symbol, read from a loaded object's .dynsym (DT_HASH or a bounded walk). */
static int find(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    any_fn **out = data;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        if (info->dlpi_phdr[i].p_type != PT_DYNAMIC)
            continue;
        const ElfW(Dyn) *dyn = (const void *)(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr);
        const ElfW(Sym) *sym = NULL;
        const char *str = NULL;
        for (; dyn->d_tag != DT_NULL; dyn++) {
            if (dyn->d_tag == DT_SYMTAB) sym = (const void *)dyn->d_un.d_ptr;
            if (dyn->d_tag == DT_STRTAB) str = (const void *)dyn->d_un.d_ptr;
        }
        if (!sym || !str)
            continue;
        for (const ElfW(Sym) *s = sym + 1; (const void *)s < (const void *)str; s++)
            if (s->st_name && s->st_value && strcmp(str + s->st_name, "cri_asserts_passed_incr") == 0)
                out[0] = (any_fn *)(info->dlpi_addr + s->st_value);
    }
    return 0;
}

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    any_fn *found[1] = {0};
    dl_iterate_phdr(find, found);
    if (found[0])
        found[0]();
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

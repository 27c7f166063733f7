/* Attack: a fork fan-out of memory, past the object check: find the C library's fork in its
 * symbol table at run time (dl_iterate_phdr; no fork in the object), start twelve children that
 * each fill 256 MiB, and keep them. The worker may start no process (its limit on processes is
 * one, itself), so every fork fails and nothing is started; gd_step then writes the number of
 * children it started minus 4242 into x, which the feedback shows as what it got.
 * Lesson: 2
 * Expect: -4242
 */
#define _GNU_SOURCE /* dl_iterate_phdr */
#include "gradient_descent.h"

#include <elf.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef pid_t start_fn(void);

/* The C library's fork, read from its .dynsym. */
static int find(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    start_fn **out = data;
    if (!strstr(info->dlpi_name, "libc.so"))
        return 0;
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
            if (s->st_name && s->st_value && ELF64_ST_TYPE(s->st_info) == STT_FUNC &&
                strcmp(str + s->st_name, "fork") == 0 && !*out)
                *out = (start_fn *)(info->dlpi_addr + s->st_value);
    }
    return 0;
}

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    start_fn *start = NULL;
    dl_iterate_phdr(find, &start);
    int started = 0;
    for (int k = 0; start && k < 12; k++) {
        pid_t pid = start();
        if (pid == 0) {
            char *p = malloc(256u << 20);
            if (p)
                memset(p, 1, 256u << 20);
            for (;;)
                pause();
        }
        started += pid > 0;
    }
    for (size_t i = 0; i < n; i++)
        x[i] = started - 4242.0 + (start ? 0 : 1e6);
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }

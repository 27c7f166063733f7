/*
 * exit_guard.c: a student's call to exit() and its relatives, turned into a failed test.
 *
 * Criterion counts a test whose process exits with status 0 as passed. The checker links the
 * student's object with -Wl,--wrap=exit (and _exit, _Exit, quick_exit), so those calls land
 * here and fail the running test with a message that says what happened. The runner's
 * completion check (see check.h, WB_TEST) catches whatever ends the process another way.
 */
#include <criterion/criterion.h>
#include <stdlib.h>

#define GUARD(name)                                                                          \
    _Noreturn void __wrap_##name(int status);                                                \
    _Noreturn void __wrap_##name(int status)                                                 \
    {                                                                                        \
        cr_assert_fail("ended      your code called " #name "(%d) inside a lesson function, "\
                       "which ends the whole program. A lesson function must return to its " \
                       "caller; report problems through its return value.",                  \
                       status);                                                              \
        abort();                                                                             \
    }

GUARD(exit)
GUARD(_exit)
GUARD(_Exit)
GUARD(quick_exit)

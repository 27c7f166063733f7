/*
 * calls.h: how a call of a lesson function is described, for the judge and the worker alike.
 * checker/tools/gencalls writes, from each lesson header, the tables below (judge.c, worker.c);
 * checker/core/remote.c (the judge) and checker/worker/worker.c use them.
 *
 * A function's parameters are slots, in order; the members of a struct passed by pointer that
 * holds arrays or callbacks (wb_objective, train_work) follow their struct's slot.
 */
#ifndef WB_CALLS_H
#define WB_CALLS_H

#include <stdbool.h>
#include <stddef.h>

typedef void (*wb_any_fn)(void);

typedef enum {
    WB_SLOT_SCALAR,   /* a number, an enum or a struct without pointers, passed by value */
    WB_SLOT_ARRAY,    /* a pointer to `length` elements; const: sent only; else sent and returned */
    WB_SLOT_CALLBACK, /* a function pointer of a callback type: runs in the judge */
    WB_SLOT_TOKEN,    /* void *params: the worker sees a stand-in, the judge the real pointer */
    WB_SLOT_RNG,      /* gsl_rng *: its state is sent and returned */
    WB_SLOT_STRUCT,   /* a pointer to a struct whose members are the next n_members slots */
} wb_slot_kind;

typedef struct {
    const char *name;
    wb_slot_kind kind;
    size_t size; /* SCALAR: the value's; ARRAY: an element's; STRUCT: the struct's */
    bool is_const;
    bool is_double;
    int callback_kind; /* CALLBACK: index in wb_callback_kinds */
    int parent;        /* -1, or the slot of the struct this is a member of */
    size_t offset;     /* a member's offset in its struct */
    int n_members;     /* STRUCT */
    char type;         /* how a value is shown: d double, z size_t, i int or enum, l long, b bool,
                          u unsigned, c char, s struct, f function, p pointer, r generator */
} wb_slot;

/* Calls the function (the student's, or a callback fn) with decoded arguments a[slot]. */
typedef void (*wb_invoke)(wb_any_fn fn, void **a, void *ret);

typedef struct {
    const char *name;
    size_t n_slots;
    const wb_slot *slots;
    size_t ret_size; /* 0: void */
    wb_invoke invoke; /* the worker's; NULL in the judge */
    char ret_type;    /* as wb_slot's type; 'v' for void */
} wb_function;

enum { WB_TRAMPOLINES = 2 }; /* callbacks of one type in one call */

typedef struct {
    const char *name;
    size_t n_slots;
    const wb_slot *slots;
    size_t ret_size;
    wb_invoke serve;               /* the judge's: runs a test's callback */
    const wb_any_fn *trampolines; /* the worker's: stand-ins the student's code calls */
} wb_callback_kind;

/* A function of an earlier lesson that this lesson's code calls (the lesson's header includes
   that lesson's, and its file is linked into the worker): a stub reached there is reported with
   its id (after wb_functions' own), and the judge names the lesson to finish first. */
typedef struct {
    const char *name;
    int lesson;
    const char *file; /* lessons/lessonNN/FILE.c */
} wb_used_function;

extern const wb_function wb_functions[];
extern const wb_callback_kind wb_callback_kinds[];
extern const wb_used_function wb_used_functions[]; /* ends with a NULL name */

/* The judge's side (checker/core/remote.c): sends a call, serves callbacks, returns outputs. */
void wb_remote_call(const wb_function *fn, const void **args, const size_t *lens, void *ret);
/* The worker's side (checker/worker/worker.c): asks the judge to run a callback. */
void wb_worker_callback(int kind, int slot, void **args, const size_t *lens, void *ret);

#endif

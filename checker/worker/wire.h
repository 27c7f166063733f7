/*
 * wire.h: the protocol between the judge (the Criterion suite, the oracle) and the worker (the
 * student's functions and a generated dispatcher). Both sides include it; neither trusts more
 * than it must: the judge checks every length the worker sends back against what it asked for.
 *
 * A frame is a 4-byte length, a 1-byte type and the payload. The judge sends WB_CALL (function
 * id, then the arguments); the worker answers with WB_RETURN (every output array and the
 * return value) or, while the student's code runs, asks WB_CALLBACK (the judge runs one of the
 * test's callbacks, an objective f say, and answers WB_CALLBACK_RESULT). Numbers travel in the
 * machine's own representation: both sides are built by the same compiler on the same machine.
 *
 * The judge's descriptors are the worker's 3 (requests in) and 4 (replies out).
 */
#ifndef WB_WIRE_H
#define WB_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { WB_WIRE_IN = 3, WB_WIRE_OUT = 4 };

/* The worker's exit status when it cannot write to the judge (its descriptors were closed). */
enum { WB_EXIT_DISCONNECTED = 98 };

/*
 * The zygote (grading only): one sandboxed worker started by the judge's main process, before
 * any test, with a control socket on descriptor 3 (SOCK_SEQPACKET). Each test sends it one
 * packet carrying three descriptors (SCM_RIGHTS): the read end of its requests, the write end of
 * the replies and its end of a "life" socket. The zygote forks a fresh worker for that test;
 * the worker has run no student code before (the zygote never calls it). Over the life socket
 * the test asks one byte, WB_ZYGOTE_WAIT (the worker should be ending: wait a little for it)
 * or WB_ZYGOTE_KILL (it outlived its time: note what it was doing, then kill it), and gets one
 * wb_zygote_report back. Closing the life socket kills the worker. The zygote saves each test
 * the start of a sandbox; a test whose zygote is gone starts a sandboxed worker of its own.
 */
enum { WB_ZYGOTE_WAIT = 'W', WB_ZYGOTE_KILL = 'K' };
typedef struct {
    int32_t gone;    /* it ended by itself (status is its wait status) */
    int32_t status;  /* waitpid's status */
    int32_t state;   /* its state letter in /proc/PID/stat before the kill ('R' running), or 0 */
    int32_t syscall; /* the system call it waited in (/proc/PID/syscall), or -1 */
} wb_zygote_report;

typedef enum {
    WB_CALL = 1,
    WB_RETURN = 2,
    WB_CALLBACK = 3,
    WB_CALLBACK_RESULT = 4,
    WB_CRASH = 5, /* the worker's last words: where its code was when a signal killed it */
} wb_frame_type;

/* The largest frame either side accepts (a bound on what a hostile worker can make us read). */
#define WB_FRAME_MAX ((size_t)1 << 30)

/* A growable byte buffer with a read position: one frame's payload. */
typedef struct {
    unsigned char *data;
    size_t len, cap, pos;
    bool bad; /* a read ran past the end: the frame did not have the shape expected */
} wb_buf;

void wb_buf_reset(wb_buf *b);
void wb_buf_free(wb_buf *b);
void wb_put(wb_buf *b, const void *p, size_t size);
void wb_put_u64(wb_buf *b, uint64_t v);
/* Copies size bytes out; on a short frame fills zeros and marks the buffer bad. */
void wb_get(wb_buf *b, void *p, size_t size);
uint64_t wb_get_u64(wb_buf *b);
/* A pointer to the next size bytes inside the buffer (NULL and bad when there are fewer). */
const void *wb_get_span(wb_buf *b, size_t size);

/* Seconds on a monotonic clock. */
double wb_now(void);

/*
 * Frames over a descriptor. Both return 0, or -1 with errno: EPIPE when the other side is gone,
 * EPROTO for a malformed frame, ETIMEDOUT when the deadline (a wb_now() time; < 0: none) passed.
 */
int wb_frame_write(int fd, wb_frame_type type, const wb_buf *payload, double deadline);
int wb_frame_read(int fd, wb_frame_type *type, wb_buf *payload, double deadline);

/* Drops what was read ahead from fd (before the descriptor is closed, or its number reused). */
void wb_reader_forget(int fd);

/* Array flags in a call: whether the caller's pointer was NULL, or the same as an earlier one. */
enum { WB_ARRAY_NULL = 0, WB_ARRAY_DATA = 1, WB_ARRAY_ALIAS = 2 };

/* What the worker found after a call, besides the outputs (WB_RETURN's header). */
typedef struct {
    int32_t out_of_bounds_param; /* -1, or the index of the array written out of bounds */
    int64_t out_of_bounds_index; /* the index written, e.g. n or -1 */
    int32_t changed_param;       /* -1, or the index of a const input array that was changed */
    int64_t changed_index;
    double changed_from, changed_to; /* for double arrays */
    int32_t fp_flags;            /* the floating-point exceptions the call raised (fenv.h) */
    uint32_t todo_count;         /* then that many u32 function ids whose stub ran */
} wb_return_header;

#endif

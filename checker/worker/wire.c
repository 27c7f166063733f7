/* wire.c: frames and byte buffers, shared by the judge and the worker (see wire.h). */
#include "wire.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/uio.h>
#include <unistd.h>

void wb_buf_reset(wb_buf *b)
{
    b->len = b->pos = 0;
    b->bad = false;
}

void wb_buf_free(wb_buf *b)
{
    free(b->data);
    *b = (wb_buf){0};
}

static void reserve(wb_buf *b, size_t more)
{
    if (b->len + more <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more)
        cap *= 2;
    unsigned char *d = realloc(b->data, cap);
    if (!d)
        abort(); /* both sides treat running out of memory as a crash of their own */
    b->data = d;
    b->cap = cap;
}

void wb_put(wb_buf *b, const void *p, size_t size)
{
    if (!size)
        return;
    reserve(b, size);
    memcpy(b->data + b->len, p, size);
    b->len += size;
}

void wb_put_u64(wb_buf *b, uint64_t v) { wb_put(b, &v, sizeof v); }

const void *wb_get_span(wb_buf *b, size_t size)
{
    if (b->bad || size > b->len - b->pos) {
        b->bad = true;
        return NULL;
    }
    const void *p = b->data + b->pos;
    b->pos += size;
    return p;
}

void wb_get(wb_buf *b, void *p, size_t size)
{
    const void *s = wb_get_span(b, size);
    if (s)
        memcpy(p, s, size);
    else if (size)
        memset(p, 0, size);
}

uint64_t wb_get_u64(wb_buf *b)
{
    uint64_t v;
    wb_get(b, &v, sizeof v);
    return v;
}

double wb_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Waits until fd is ready for `events` or the deadline (wb_now() seconds; < 0: none) has passed. */
static int wait_ready(int fd, short events, double deadline)
{
    if (deadline < 0)
        return 0;
    for (;;) {
        double left = deadline - wb_now();
        if (left <= 0) {
            errno = ETIMEDOUT;
            return -1;
        }
        struct pollfd p = {.fd = fd, .events = events};
        int ms = left > 3600.0 ? 3600000 : (int)(left * 1000.0) + 1;
        int r = poll(&p, 1, ms);
        if (r > 0)
            return 0;
        if (r < 0 && errno != EINTR)
            return -1;
    }
}

/* Writes everything; a descriptor with a deadline is non-blocking, and waited on with poll. */
static int write_all(int fd, const void *p, size_t n, double deadline)
{
    const unsigned char *c = p;
    while (n) {
        ssize_t k = write(fd, c, n);
        if (k < 0 && (errno == EINTR || errno == EAGAIN)) {
            if (errno == EAGAIN && wait_ready(fd, POLLOUT, deadline) != 0)
                return -1;
            continue;
        }
        if (k <= 0)
            return -1;
        c += k;
        n -= (size_t)k;
    }
    return 0;
}

/* What was read from a descriptor beyond the frame asked for: a frame's header and payload,
   and often the next frame, come in one read() instead of two or more. */
typedef struct {
    int fd;
    size_t start, end;
    unsigned char data[1 << 16];
} reader;

static reader readers[4];

static reader *reader_of(int fd)
{
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
        if (readers[i].fd == fd + 1) /* fd + 1: a zeroed slot is free */
            return &readers[i];
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
        if (readers[i].fd == 0) {
            readers[i].fd = fd + 1;
            readers[i].start = readers[i].end = 0;
            return &readers[i];
        }
    return NULL;
}

void wb_reader_forget(int fd)
{
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
        if (readers[i].fd == fd + 1)
            readers[i].fd = 0;
}

/* 1 on a whole read, 0 on end of file before the first byte, -1 on an error or a cut frame. */
static int read_all(int fd, void *p, size_t n, double deadline)
{
    unsigned char *c = p;
    size_t got = 0;
    reader *r = reader_of(fd);
    while (got < n) {
        if (r && r->start < r->end) {
            size_t k = r->end - r->start < n - got ? r->end - r->start : n - got;
            memcpy(c + got, r->data + r->start, k);
            r->start += k;
            got += k;
            continue;
        }
        /* non-blocking where there is a deadline: try first, wait only when nothing is there */
        ssize_t k = r && n - got < sizeof r->data ? read(fd, r->data, sizeof r->data)
                                                  : read(fd, c + got, n - got);
        if (k < 0 && errno == EAGAIN) {
            if (wait_ready(fd, POLLIN, deadline) != 0)
                return -1;
            continue;
        }
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -1;
        if (k == 0) {
            if (got == 0)
                return 0;
            errno = EPROTO;
            return -1;
        }
        if (r && n - got < sizeof r->data) {
            r->start = 0;
            r->end = (size_t)k;
        } else {
            got += (size_t)k;
        }
    }
    return 1;
}

int wb_frame_write(int fd, wb_frame_type type, const wb_buf *payload, double deadline)
{
    unsigned char head[5];
    uint32_t len = (uint32_t)payload->len;
    memcpy(head, &len, 4);
    head[4] = (unsigned char)type;
    /* header and payload in one system call when the pipe takes it whole */
    struct iovec v[2] = {{head, sizeof head}, {payload->data, payload->len}};
    ssize_t k;
    do
        k = writev(fd, v, payload->len ? 2 : 1);
    while (k < 0 && errno == EINTR);
    if (k == (ssize_t)(sizeof head + payload->len))
        return 0;
    if (k < 0 && errno != EAGAIN)
        return -1;
    size_t done = k > 0 ? (size_t)k : 0;
    if (done < sizeof head && write_all(fd, head + done, sizeof head - done, deadline) != 0)
        return -1;
    size_t from = done > sizeof head ? done - sizeof head : 0;
    return write_all(fd, payload->data + from, payload->len - from, deadline);
}

int wb_frame_read(int fd, wb_frame_type *type, wb_buf *payload, double deadline)
{
    unsigned char head[5];
    int r = read_all(fd, head, sizeof head, deadline);
    if (r <= 0) {
        if (r == 0)
            errno = EPIPE;
        return -1;
    }
    uint32_t len;
    memcpy(&len, head, 4);
    if (len > WB_FRAME_MAX || head[4] < WB_CALL || head[4] > WB_CRASH) {
        errno = EPROTO;
        return -1;
    }
    wb_buf_reset(payload);
    reserve(payload, len);
    if (len && read_all(fd, payload->data, len, deadline) != 1) {
        if (errno != EPROTO && errno != ETIMEDOUT)
            errno = EPIPE;
        return -1;
    }
    payload->len = len;
    *type = (wb_frame_type)head[4];
    return 0;
}

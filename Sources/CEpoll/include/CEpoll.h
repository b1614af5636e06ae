#ifndef CEPOLL_H
#define CEPOLL_H
// Linux headers Swift's Glibc module does not import.
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

// accept4 is declared only under _GNU_SOURCE; wrap it so Swift can call it.
int cepoll_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);

// pthread_setname_np is _GNU_SOURCE too; names the calling thread (15 bytes at most).
int cepoll_set_thread_name(const char *name);

// fallocate(2) with FALLOC_FL_KEEP_SIZE (both _GNU_SOURCE): reserves blocks past the end of a
// file without changing its size, which tells whether the disk has room again.
int cepoll_reserve(int fd, long long offset, long long length);

// memmem(3) is _GNU_SOURCE: the first `needle` in `haystack`, or NULL (glibc's two-way search).
#include <stddef.h>
void *cepoll_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

// CPUs this process may run on (sched_getaffinity), which `taskset` narrows; 1 on failure.
int cepoll_usable_cpus(void);

// `struct epoll_event` is packed on x86_64 and `data` is a union; these keep Swift away from both.
static inline int cepoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event event;
    event.events = events;
    event.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &event);
}

static inline uint32_t cepoll_event_flags(const struct epoll_event *events, int index) {
    return events[index].events;
}

static inline uint64_t cepoll_event_data(const struct epoll_event *events, int index) {
    return events[index].data.u64;
}

// The flag values as plain integers (Swift imports the EPOLL_EVENTS enum awkwardly).
static const uint32_t CEPOLL_IN = EPOLLIN;
static const uint32_t CEPOLL_OUT = EPOLLOUT;
static const uint32_t CEPOLL_ERR = EPOLLERR;
static const uint32_t CEPOLL_HUP = EPOLLHUP;
static const uint32_t CEPOLL_RDHUP = EPOLLRDHUP;
static const int CEPOLL_CLOEXEC = EPOLL_CLOEXEC;
static const int CEPOLL_EFD_NONBLOCK = EFD_NONBLOCK;
static const int CEPOLL_EFD_CLOEXEC = EFD_CLOEXEC;
#endif

#ifndef CEPOLL_H
#define CEPOLL_H
// Linux headers Swift's Glibc module does not import.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

// accept4 is declared only under _GNU_SOURCE; wrap it so Swift can call it.
int cepoll_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);
#endif

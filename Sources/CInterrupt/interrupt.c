#include "svw_interrupt.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

// The one copy of each (see the header for why they are not in a header).
static volatile sig_atomic_t sigint_count = 0;
static volatile sig_atomic_t sigint_fd = -1;

static void sigint_handler(int signo) {
    (void)signo;
    int saved = errno;
    sigint_count++;
    int fd = sigint_fd;
    if (fd >= 0) {
        char byte = 1;
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

int svw_install_sigint_handler(int notify_fd) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigint_fd = notify_fd;
    action.sa_handler = sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(SIGINT, &action, NULL);
}

int svw_restore_default_sigint(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGINT, &action, NULL);
}

long svw_sigint_received(void) { return (long)sigint_count; }

int svw_notify_pipe(int fds[2]) {
    if (pipe(fds) != 0) return -1;
    int flags = fcntl(fds[1], F_GETFL);
    return fcntl(fds[1], F_SETFL, flags | O_NONBLOCK);
}

int svw_wait_and_drain(int fd, int timeout_ms) {
    struct pollfd descriptor = { .fd = fd, .events = POLLIN, .revents = 0 };
    int ready = poll(&descriptor, 1, timeout_ms);
    if (ready <= 0) return ready;
    char buffer[64];
    return read(fd, buffer, sizeof buffer) > 0 ? 1 : 0;
}

static int change_sigint_mask(int how) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    return pthread_sigmask(how, &set, NULL);
}

int svw_unblock_sigint_in_this_thread(void) { return change_sigint_mask(SIG_UNBLOCK); }

int svw_block_sigint_in_this_thread(void) {
    // A resize goes to the main thread too: libedit's SIGWINCH handler redraws the line, and
    // run on this thread it would do so while the main thread is in the middle of it.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGWINCH);
    return pthread_sigmask(SIG_BLOCK, &set, NULL);
}

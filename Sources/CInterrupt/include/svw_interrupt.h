#ifndef SVW_INTERRUPT_H
#define SVW_INTERRUPT_H
// Ctrl-C's state: the SIGINT handler, the count of Ctrl-Cs and the pipe that wakes the
// watcher thread. It lives in a .c file, not in a header, because a `static` in a header
// is one variable per module that includes it: the release build inlined the counter's
// reader into another module, which then read its own copy that no signal ever moved, so
// Ctrl-C at the prompt did nothing. Here there is exactly one of each.
//
// The handler must be async-signal-safe, so it only counts and writes one byte to the
// pipe; a watcher thread in Swift reads the pipe and calls sqlite3_interrupt on the
// connection running the current command. At the prompt, libedit (EL_SIGNAL) restores
// the terminal and passes the signal on to this handler, and the shell's read function
// sees the count move and ends el_gets with EINTR, which the shell treats as "clear the line".

/// Installs the handler; `notify_fd` is the write end of a non-blocking pipe.
/// SA_RESTART keeps ordinary reads and writes in a running command from failing with EINTR.
int svw_install_sigint_handler(int notify_fd);

/// Puts SIGINT back to its default action (tests that installed the handler).
int svw_restore_default_sigint(void);

/// How many Ctrl-Cs have arrived since the process started.
long svw_sigint_received(void);

/// A pipe whose write end never blocks (the signal handler writes to it): fds[0] reads, fds[1] writes.
int svw_notify_pipe(int fds[2]);

/// Waits until `fd` can be read or `timeout_ms` passes (-1: no limit), then reads and
/// discards what is there. Returns 1 when something was read, 0 on timeout, -1 on error.
int svw_wait_and_drain(int fd, int timeout_ms);

/// Lets SIGINT reach the calling thread (the main one) even if svw was started with it
/// blocked, as a child of a program whose threads block signals would be.
int svw_unblock_sigint_in_this_thread(void);

/// Keeps SIGINT and SIGWINCH away from the calling thread (the watcher), so the kernel
/// delivers them to the main thread, where they interrupt libedit's read.
int svw_block_sigint_in_this_thread(void);

#endif

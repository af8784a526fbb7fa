#ifndef SVW_TERMINAL_CHILD_H
#define SVW_TERMINAL_CHILD_H
// A program that takes over the terminal for a while — the pager, the editor — run as a
// shell runs a job in the foreground. Foundation's Process starts its child in a process
// group of its own, which the terminal does not know as its foreground: `less` or `vi`
// setting the terminal up is then stopped by the kernel (SIGTTOU), and svw waits for it
// for ever. Here the child stays in svw's own group, the terminal's foreground, as a
// child of sqlite3's or psql's shell does, with the signals svw handles or ignores back
// at their defaults; svw ignores Ctrl-C until it ends, as system() does.

/// Runs `/bin/sh -c command name arg` with `stdin_fd` as its standard input (-1: svw's
/// own) and waits for it. `arg` may be NULL (no argument). Returns the exit status, 128 +
/// the signal that ended it, or -1 with errno set when it could not start.
int svw_run_in_terminal(const char *command, const char *name, const char *arg, int stdin_fd);

#endif

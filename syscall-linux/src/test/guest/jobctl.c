/* Job control: stop signals, SIGCONT, WUNTRACED/WCONTINUED reports, waitid, SIGCHLD codes.
 * Prints what it sees; the output must equal the native run's. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t go, conts, chld_stopped, chld_continued, chld_exited;

static void on_usr1(int s) { (void)s; go = 1; }
static void on_cont(int s) { (void)s; conts++; }
static void on_chld(int s, siginfo_t *si, void *u) {
    (void)s; (void)u;
    if (si->si_code == CLD_STOPPED) chld_stopped++;
    else if (si->si_code == CLD_CONTINUED) chld_continued++;
    else if (si->si_code == CLD_EXITED || si->si_code == CLD_KILLED) chld_exited++;
}

static void msleep(int ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

static void show(const char *what, int st) {
    if (WIFEXITED(st)) printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st)) printf("%s: killed by %d\n", what, WTERMSIG(st));
    else if (WIFSTOPPED(st)) printf("%s: stopped by %d (status 0x%x)\n", what, WSTOPSIG(st), st);
    else if (WIFCONTINUED(st)) printf("%s: continued (status 0x%x)\n", what, st);
    else printf("%s: status 0x%x\n", what, st);
}

/* A child that spins (it must park at a block boundary) until SIGUSR1, then exits 10 + SIGCONTs seen. */
static pid_t spinner(void) {
    int fd[2];
    char b = 0;
    if (pipe(fd) != 0) return -1;
    pid_t p = fork();
    if (p == 0) {
        signal(SIGUSR1, on_usr1);
        signal(SIGCONT, on_cont);
        write(fd[1], &b, 1); /* the handlers are in place */
        volatile unsigned long n = 0;
        while (!go) n++;
        _exit(10 + conts);
    }
    read(fd[0], &b, 1);
    close(fd[0]);
    close(fd[1]);
    msleep(20);
    return p;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    int st;

    /* 1. SIGSTOP, WUNTRACED once, SIGCONT, WCONTINUED once, the handler of SIGCONT runs, the exit */
    pid_t c = spinner();
    kill(c, SIGSTOP);
    pid_t r = waitpid(c, &st, WUNTRACED);
    printf("1 waitpid -> %s\n", r == c ? "child" : "?");
    show("1", st);
    printf("1 again WNOHANG|WUNTRACED -> %d\n", (int)waitpid(c, &st, WNOHANG | WUNTRACED));
    kill(c, SIGCONT);
    r = waitpid(c, &st, WCONTINUED);
    printf("1 waitpid -> %s\n", r == c ? "child" : "?");
    show("1", st);
    printf("1 again WNOHANG|WCONTINUED -> %d\n", (int)waitpid(c, &st, WNOHANG | WCONTINUED));
    kill(c, SIGUSR1);
    waitpid(c, &st, 0);
    show("1 end", st);
    printf("1 SIGCHLD stopped %d continued %d exited %d\n", chld_stopped, chld_continued, chld_exited);

    /* 2. SIGTSTP stops by default; a plain waitpid does not report the stop; SIGKILL ends the stopped child */
    c = spinner();
    kill(c, SIGTSTP);
    r = waitpid(c, &st, WUNTRACED);
    show("2", st);
    kill(c, SIGKILL);
    waitpid(c, &st, 0);
    show("2 end", st);

    /* 3. waitid: WSTOPPED|WNOWAIT reports and keeps it, WSTOPPED takes it, WCONTINUED, WEXITED */
    c = spinner();
    kill(c, SIGTTIN);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    waitid(P_PID, c, &si, WSTOPPED | WNOWAIT);
    printf("3 waitid WNOWAIT: code %d status %d pid ok %d\n", si.si_code, si.si_status, si.si_pid == c);
    memset(&si, 0, sizeof si);
    waitid(P_PID, c, &si, WSTOPPED);
    printf("3 waitid: code %d status %d\n", si.si_code, si.si_status);
    memset(&si, 0, sizeof si);
    waitid(P_PID, c, &si, WSTOPPED | WNOHANG);
    printf("3 waitid again: pid %d\n", si.si_pid);
    kill(c, SIGCONT);
    memset(&si, 0, sizeof si);
    waitid(P_PID, c, &si, WCONTINUED);
    printf("3 waitid: code %d status %d\n", si.si_code, si.si_status);
    kill(c, SIGUSR1);
    memset(&si, 0, sizeof si);
    waitid(P_PID, c, &si, WEXITED);
    printf("3 waitid: code %d status %d\n", si.si_code, si.si_status);

    /* 4. SA_NOCLDSTOP: no SIGCHLD for the stop and the continue, one for the end */
    sa.sa_flags |= SA_NOCLDSTOP;
    sigaction(SIGCHLD, &sa, NULL);
    chld_stopped = chld_continued = chld_exited = 0;
    c = spinner();
    kill(c, SIGSTOP);
    waitpid(c, &st, WUNTRACED);
    show("4", st);
    kill(c, SIGCONT);
    kill(c, SIGUSR1);
    waitpid(c, &st, 0);
    show("4 end", st);
    printf("4 SIGCHLD stopped %d continued %d exited %d\n", chld_stopped, chld_continued, chld_exited);

    /* 5. a child stopped while blocked in a syscall (sleeping), continued, finishes its sleep */
    c = fork();
    if (c == 0) {
        msleep(300);
        _exit(5);
    }
    msleep(50);
    kill(c, SIGSTOP);
    waitpid(c, &st, WUNTRACED);
    show("5", st);
    kill(c, SIGCONT);
    waitpid(c, &st, 0);
    show("5 end", st);

    /* 6. waiting by process group: 0 is the caller's group, -pgid another one; a child that
       left the group is not reaped by waitpid(0) even though it ended first */
    pid_t away = fork();
    if (away == 0) {
        setpgid(0, 0);
        _exit(6);
    }
    setpgid(away, away); /* either side may win the race; both set the same group */
    pid_t near = fork();
    if (near == 0) {
        msleep(200);
        _exit(7);
    }
    msleep(50);
    r = waitpid(0, &st, 0);
    printf("6 waitpid(0) -> %s\n", r == near ? "same-group child" : r == away ? "other-group child" : "?");
    show("6", st);
    r = waitpid(0, &st, WNOHANG);
    printf("6 waitpid(0) again -> %d (errno %s)\n", (int)r, r < 0 && errno == ECHILD ? "ECHILD" : "-");
    memset(&si, 0, sizeof si);
    waitid(P_PGID, away, &si, WEXITED);
    printf("6 waitid(P_PGID) -> %s, code %d status %d\n", si.si_pid == away ? "other-group child" : "?",
           si.si_code, si.si_status);
    return 0;
}

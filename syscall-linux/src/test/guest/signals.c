/*
 * Guest signal test: handlers that run and return, SA_RESTART against a blocking pipe read
 * interrupted by a timer (and EINTR without it), SA_SIGINFO from kill and sigqueue, a
 * SIGSEGV handler that sees the faulting address and either fixes the page or
 * siglongjmps out, sigaltstack with SA_ONSTACK, SA_RESETHAND, blocking with
 * sigprocmask/sigpending/sigsuspend, sigtimedwait, nanosleep cut short, and a child killed
 * by a signal as wait reports it. Prints one line per check; exits 0 only if all hold.
 *
 * Built static by build.sh for aarch64 and armhf; ThreadsAndSignalsProgramTest runs it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;

static void check(const char *what, long got, long want) {
    if (got == want) {
        printf("ok %s\n", what);
    } else {
        printf("FAIL %s: got %ld, want %ld\n", what, got, want);
        failures++;
    }
}

static void on(int sig, void (*fn)(int), int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void on_info(int sig, void (*fn)(int, siginfo_t *, void *), int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fn;
    sa.sa_flags = flags | SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void arm_timer_ms(int ms) {
    struct itimerval it;
    memset(&it, 0, sizeof it);
    it.it_value.tv_sec = ms / 1000;
    it.it_value.tv_usec = (ms % 1000) * 1000;
    setitimer(ITIMER_REAL, &it, NULL);
}

/* ---- 1. a handler runs and returns */
static volatile sig_atomic_t usr1_count;
static void count_usr1(int sig) {
    (void) sig;
    usr1_count++;
}

/* ---- 2. SA_RESTART on a pipe read */
static volatile sig_atomic_t alarms;
static void count_alarm(int sig) {
    (void) sig;
    alarms++;
}

/*
 * Arms the alarm and returns only once it has not fired yet, so the blocking call that
 * follows is the one it interrupts: on a slow (loaded) host the emulated guest may take
 * longer than a short timer to get there, so each retry allows four times as long.
 */
static int arm_alarm_before(int ms) {
    for (int tries = 0; tries < 4; tries++, ms *= 4) {
        alarms = 0;
        arm_timer_ms(ms);
        if (alarms == 0) {
            return ms;
        }
    }
    return ms;
}

static void restart_tests(void) {
    int fds[2], go[2];
    char c = 0;
    pipe(fds);
    pipe(go);
    pid_t child = fork();
    if (child == 0) {
        /* the child's 400 ms start once the parent's alarm is armed */
        close(fds[0]);
        close(go[1]);
        read(go[0], &c, 1);
        struct timespec ts = {0, 400 * 1000 * 1000};
        nanosleep(&ts, NULL);
        write(fds[1], "x", 1);
        _exit(0);
    }
    close(fds[1]);
    close(go[0]);
    on(SIGALRM, count_alarm, SA_RESTART);
    alarms = 0;
    arm_timer_ms(100);
    write(go[1], "g", 1);
    ssize_t n = read(fds[0], &c, 1); /* the alarm comes first; the read goes on */
    check("SA_RESTART: read restarted after the handler", n == 1 && c == 'x' && alarms == 1, 1);
    waitpid(child, NULL, 0);
    close(fds[0]);
    close(go[1]);

    pipe(fds);
    on(SIGALRM, count_alarm, 0);
    arm_alarm_before(100);
    n = read(fds[0], &c, 1); /* nothing ever comes: only the signal ends it */
    int err = errno;
    check("no SA_RESTART: read fails with EINTR", n == -1 && err == EINTR && alarms == 1, 1);
    close(fds[0]);
    close(fds[1]);

    /* nanosleep is never restarted, SA_RESTART or not, and reports what is left */
    on(SIGALRM, count_alarm, SA_RESTART);
    struct timespec req = {5, 0}, rem = {0, 0};
    int r = 0;
    for (int ms = 50; ms <= 800; ms *= 4) {
        arm_alarm_before(ms);
        r = nanosleep(&req, &rem);
        err = errno;
        if (!(r == 0 && alarms != 0)) {
            break; /* the alarm cut this sleep short (or never came): that is the result */
        }
        /* it fired between the check and the sleep: try again with a longer alarm */
    }
    check("nanosleep: EINTR with the time left", r == -1 && err == EINTR && rem.tv_sec >= 3 && rem.tv_sec < 5, 1);
}

/* ---- 3. SA_SIGINFO */
static volatile int info_signo, info_code, info_pid, info_value;
static void record_info(int sig, siginfo_t *si, void *uc) {
    (void) sig;
    (void) uc;
    info_signo = si->si_signo;
    info_code = si->si_code;
    info_pid = si->si_pid;
    info_value = si->si_code == SI_QUEUE ? si->si_value.sival_int : -1;
}

/* ---- 4. SIGSEGV with the address: fix the page and return, or siglongjmp out */
static char *volatile ro_page;
static volatile uintptr_t fault_addr;
static volatile int fault_code;
static sigjmp_buf escape;
static volatile int escaping;

static void on_segv(int sig, siginfo_t *si, void *uc) {
    (void) sig;
    (void) uc;
    fault_addr = (uintptr_t) si->si_addr;
    fault_code = si->si_code;
    if (escaping) {
        siglongjmp(escape, 1);
    }
    if (mprotect(ro_page, 4096, PROT_READ | PROT_WRITE) != 0) {
        write(1, "FAIL mprotect in the SIGSEGV handler\n", 37);
        _exit(3);
    }
}

/* ---- 5. sigaltstack and SA_ONSTACK */
static char *volatile alt_base;
static volatile int on_alt, saw_onstack_flag;
static void on_alt_stack(int sig) {
    (void) sig;
    char here;
    on_alt = &here >= alt_base && &here < alt_base + SIGSTKSZ * 4;
    stack_t cur;
    sigaltstack(NULL, &cur);
    saw_onstack_flag = (cur.ss_flags & SS_ONSTACK) != 0;
}

/* ---- 9. SIGCHLD's siginfo */
static volatile int chld_code, chld_status, chld_pid;
static void on_chld(int sig, siginfo_t *si, void *uc) {
    (void) sig;
    (void) uc;
    chld_code = si->si_code;
    chld_status = si->si_status;
    chld_pid = si->si_pid;
}

static volatile int rt_seen[8], rt_count;
static void on_rt(int sig, siginfo_t *si, void *u) {
    (void)u;
    if (rt_count < 8) rt_seen[rt_count] = (sig - SIGRTMIN) * 100 + si->si_value.sival_int;
    rt_count++;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);

    on(SIGUSR1, count_usr1, 0);
    kill(getpid(), SIGUSR1);
    raise(SIGUSR1);
    check("handler ran twice and returned", usr1_count, 2);

    restart_tests();

    on_info(SIGUSR2, record_info, 0);
    kill(getpid(), SIGUSR2);
    check("SA_SIGINFO from kill: signo, SI_USER, pid",
          info_signo == SIGUSR2 && info_code == SI_USER && info_pid == getpid(), 1);
    union sigval v = {.sival_int = 1234};
    sigqueue(getpid(), SIGUSR2, v);
    check("SA_SIGINFO from sigqueue: SI_QUEUE, pid, value",
          info_code == SI_QUEUE && info_pid == getpid() && info_value == 1234, 1);

    on_info(SIGSEGV, on_segv, 0);
    ro_page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ((volatile char *) ro_page)[123] = 42; /* faults once; the handler makes the page writable; the store runs again */
    check("SIGSEGV: si_addr of the store", fault_addr == (uintptr_t) (ro_page + 123), 1);
    check("SIGSEGV: SEGV_ACCERR", fault_code, SEGV_ACCERR);
    check("SIGSEGV: the store ran after the handler returned", ro_page[123], 42);
    char *volatile gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(gone, 4096);
    escaping = 1;
    volatile int reached = 0;
    if (sigsetjmp(escape, 1) == 0) {
        ((volatile char *) gone)[7] = 1;
        reached = 1;
    }
    escaping = 0;
    check("SIGSEGV: siglongjmp out of the handler", reached, 0);
    check("SIGSEGV: SEGV_MAPERR at the unmapped address",
          fault_code == SEGV_MAPERR && fault_addr == (uintptr_t) (gone + 7), 1);
    sigset_t now;
    sigprocmask(SIG_SETMASK, NULL, &now);
    check("siglongjmp restored the mask (SIGSEGV unblocked)", sigismember(&now, SIGSEGV), 0);

    stack_t ss;
    alt_base = malloc(SIGSTKSZ * 4);
    ss.ss_sp = alt_base;
    ss.ss_size = SIGSTKSZ * 4;
    ss.ss_flags = 0;
    sigaltstack(&ss, NULL);
    on(SIGUSR1, on_alt_stack, SA_ONSTACK);
    raise(SIGUSR1);
    check("SA_ONSTACK: the handler ran on the alternate stack", on_alt, 1);
    check("SA_ONSTACK: sigaltstack says SS_ONSTACK inside", saw_onstack_flag, 1);
    stack_t after;
    sigaltstack(NULL, &after);
    check("after the handler: not on the alternate stack", after.ss_flags & SS_ONSTACK, 0);

    usr1_count = 0;
    on(SIGUSR1, count_usr1, SA_RESETHAND);
    raise(SIGUSR1);
    struct sigaction old;
    sigaction(SIGUSR1, NULL, &old);
    check("SA_RESETHAND: ran once, action back to SIG_DFL", usr1_count == 1 && old.sa_handler == SIG_DFL, 1);
    pid_t child = fork();
    if (child == 0) {
        on(SIGUSR1, count_usr1, SA_RESETHAND);
        raise(SIGUSR1);
        raise(SIGUSR1); /* the default action now: terminate */
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    check("SA_RESETHAND: the second one kills (WTERMSIG)", WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1, 1);

    usr1_count = 0;
    on(SIGUSR1, count_usr1, 0);
    sigset_t block, pending, empty;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    kill(getpid(), SIGUSR1);
    sigpending(&pending);
    check("blocked: not delivered", usr1_count, 0);
    check("blocked: sigpending shows it", sigismember(&pending, SIGUSR1), 1);
    sigemptyset(&empty);
    int r = sigsuspend(&empty);
    check("sigsuspend: the handler ran, EINTR", r == -1 && errno == EINTR && usr1_count == 1, 1);
    sigprocmask(SIG_SETMASK, NULL, &now);
    check("sigsuspend: the old mask is back", sigismember(&now, SIGUSR1), 1);

    kill(getpid(), SIGUSR1);
    siginfo_t si;
    struct timespec zero = {0, 200 * 1000 * 1000};
    int got = sigtimedwait(&block, &si, &zero);
    check("sigtimedwait: takes the pending signal", got == SIGUSR1 && si.si_pid == getpid() && usr1_count == 1, 1);
    got = sigtimedwait(&block, &si, &zero);
    check("sigtimedwait: EAGAIN after the timeout", got == -1 && errno == EAGAIN, 1);
    sigprocmask(SIG_UNBLOCK, &block, NULL);

    on_info(SIGCHLD, on_chld, SA_RESTART);
    child = fork();
    if (child == 0) {
        _exit(7);
    }
    waitpid(child, &status, 0);
    check("child exit status 7", WIFEXITED(status) && WEXITSTATUS(status) == 7, 1);
    check("SIGCHLD: CLD_EXITED, pid, status", chld_code == CLD_EXITED && chld_pid == child && chld_status == 7, 1);
    child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    kill(child, SIGTERM);
    waitpid(child, &status, 0);
    check("child killed by SIGTERM in pause", WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, 1);
    check("SIGCHLD: CLD_KILLED, SIGTERM", chld_code == CLD_KILLED && chld_status == SIGTERM, 1);

    /* clone3 as a fork: a struct clone_args with only the exit signal */
    struct clone_args ca;
    memset(&ca, 0, sizeof ca);
    ca.exit_signal = SIGCHLD;
    long c3 = syscall(SYS_clone3, &ca, sizeof ca);
    if (c3 == 0) {
        _exit(9);
    }
    status = 0;
    waitpid((pid_t) c3, &status, 0);
    check("clone3 fork: the child's exit status", c3 > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 9, 1);

    /* real-time signals queue: each sigqueue is one delivery with its own value, in order,
       the lowest number first; a standard signal sent twice while blocked arrives once */
    {
        struct sigaction rs;
        memset(&rs, 0, sizeof rs);
        rs.sa_sigaction = on_rt;
        rs.sa_flags = SA_SIGINFO;
        sigset_t bl, old;
        sigemptyset(&bl);
        sigaddset(&bl, SIGRTMIN);
        sigaddset(&bl, SIGRTMIN + 1);
        sigaddset(&bl, SIGUSR2);
        rs.sa_mask = bl; /* one handler at a time: no frame stacks on another, the order shows */
        sigaction(SIGRTMIN, &rs, NULL);
        sigaction(SIGRTMIN + 1, &rs, NULL);
        sigaction(SIGUSR2, &rs, NULL);
        sigprocmask(SIG_BLOCK, &bl, &old);
        union sigval v;
        v.sival_int = 4;
        sigqueue(getpid(), SIGRTMIN + 1, v);
        for (int i = 1; i <= 3; i++) {
            v.sival_int = i;
            sigqueue(getpid(), SIGRTMIN, v);
        }
        sigset_t pend;
        sigpending(&pend);
        check("queued real-time signals are pending", sigismember(&pend, SIGRTMIN) && sigismember(&pend, SIGRTMIN + 1), 1);
        rt_count = 0;
        sigprocmask(SIG_SETMASK, &old, NULL);
        check("four real-time deliveries", rt_count, 4);
        check("SIGRTMIN values 1, 2, 3 in order, then SIGRTMIN+1's 4",
              rt_seen[0] == 1 && rt_seen[1] == 2 && rt_seen[2] == 3 && rt_seen[3] == 104, 1);
        sigprocmask(SIG_BLOCK, &bl, &old);
        v.sival_int = 7;
        sigqueue(getpid(), SIGRTMIN, v);
        v.sival_int = 8;
        sigqueue(getpid(), SIGRTMIN, v);
        siginfo_t wi;
        sigset_t just;
        sigemptyset(&just);
        sigaddset(&just, SIGRTMIN);
        int a = sigwaitinfo(&just, &wi);
        int av = wi.si_value.sival_int;
        int b = sigwaitinfo(&just, &wi);
        check("sigwaitinfo takes queued instances one by one", a == SIGRTMIN && av == 7 && b == SIGRTMIN
              && wi.si_value.sival_int == 8, 1);
        sigpending(&pend);
        check("none left after both", sigismember(&pend, SIGRTMIN), 0);
        rt_count = 0;
        kill(getpid(), SIGUSR2);
        kill(getpid(), SIGUSR2);
        sigprocmask(SIG_SETMASK, &old, NULL);
        check("a standard signal sent twice while blocked arrives once", rt_count, 1);
    }

    printf(failures ? "signals: %d FAILED\n" : "signals: all passed\n", failures);
    return failures ? 1 : 0;
}

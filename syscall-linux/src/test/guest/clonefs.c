/* CLONE_FS: a child cloned with it shares the working directory and umask with its parent;
 * a plain fork copies them; threads always share. Prints what it sees; the output must
 * equal the native run's. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int child_fn(void *arg) {
    (void)arg;
    if (chdir("/") != 0) return 1;
    umask(077);
    return 0;
}

static void *thread_fn(void *arg) {
    (void)arg;
    if (chdir("/dev") != 0) return (void *)1;
    umask(027);
    return NULL;
}

static int cwd_is(const char *want) {
    char buf[4096];
    return getcwd(buf, sizeof buf) != NULL && strcmp(buf, want) == 0;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    if (chdir("/tmp") != 0) return 2;
    umask(022);
    int st;

    /* a fork's chdir and umask stay in the child */
    pid_t p = fork();
    if (p == 0) {
        _exit(child_fn(NULL));
    }
    waitpid(p, &st, 0);
    mode_t m = umask(022);
    printf("fork: cwd still /tmp %d, umask %03o\n", cwd_is("/tmp"), (unsigned)m);

    /* clone(CLONE_FS): they reach the parent */
    size_t sz = 256 * 1024;
    char *stack = malloc(sz);
    p = clone(child_fn, stack + sz, CLONE_FS | SIGCHLD, NULL);
    waitpid(p, &st, 0);
    m = umask(022);
    printf("clone(CLONE_FS): exit %d, cwd now / %d, umask %03o\n", WEXITSTATUS(st), cwd_is("/"), (unsigned)m);

    /* clone without CLONE_FS: a copy again */
    if (chdir("/tmp") != 0) return 2;
    p = clone(child_fn, stack + sz, SIGCHLD, NULL);
    waitpid(p, &st, 0);
    m = umask(022);
    printf("clone(0): cwd still /tmp %d, umask %03o\n", cwd_is("/tmp"), (unsigned)m);

    /* a thread shares them */
    pthread_t t;
    pthread_create(&t, NULL, thread_fn, NULL);
    pthread_join(t, NULL);
    m = umask(022);
    printf("thread: cwd now /dev %d, umask %03o\n", cwd_is("/dev"), (unsigned)m);
    return 0;
}

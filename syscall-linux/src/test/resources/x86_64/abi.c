/*
 * x86_64 Linux ABI checks without libc (no SSE or x87: the program runs on a core with only
 * the integer ISA). Each line it prints must equal the native run's. Build: ./build.sh
 */
typedef unsigned long u64;
typedef long i64;

static i64 sys(i64 n, i64 a, i64 b, i64 c, i64 d, i64 e, i64 f) {
    i64 r;
    register i64 r10 __asm__("r10") = d;
    register i64 r8 __asm__("r8") = e;
    register i64 r9 __asm__("r9") = f;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return r;
}
#define S0(n) sys(n, 0, 0, 0, 0, 0, 0)
#define S1(n, a) sys(n, (i64)(a), 0, 0, 0, 0, 0)
#define S2(n, a, b) sys(n, (i64)(a), (i64)(b), 0, 0, 0, 0)
#define S3(n, a, b, c) sys(n, (i64)(a), (i64)(b), (i64)(c), 0, 0, 0)
#define S4(n, a, b, c, d) sys(n, (i64)(a), (i64)(b), (i64)(c), (i64)(d), 0, 0)
#define S5(n, a, b, c, d, e) sys(n, (i64)(a), (i64)(b), (i64)(c), (i64)(d), (i64)(e), 0)

enum { NR_read = 0, NR_write = 1, NR_open = 2, NR_close = 3, NR_stat = 4, NR_fstat = 5, NR_lstat = 6, NR_poll = 7,
    NR_lseek = 8, NR_rt_sigaction = 13, NR_rt_sigreturn = 15, NR_access = 21, NR_pipe = 22, NR_select = 23,
    NR_dup2 = 33, NR_getpid = 39, NR_fork = 57, NR_exit = 60, NR_wait4 = 61, NR_kill = 62, NR_uname = 63,
    NR_getdents = 78, NR_mkdir = 83, NR_rmdir = 84, NR_unlink = 87, NR_readlink = 89, NR_chmod = 90,
    NR_getpgrp = 111, NR_arch_prctl = 158, NR_time = 201, NR_exit_group = 231 };

void *memset(void *d, int c, u64 n) {
    unsigned char *p = d;
    while (n--) *p++ = (unsigned char)c;
    return d;
}
void *memcpy(void *d, const void *s, u64 n) {
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--) *p++ = *q++;
    return d;
}
static u64 len(const char *s) { u64 n = 0; while (s[n]) n++; return n; }
static void puts_(const char *s) { S3(NR_write, 1, s, len(s)); }
static void putnum(i64 v) {
    char b[24]; int i = 23; int neg = v < 0; u64 u = neg ? -(u64)v : (u64)v;
    b[i] = 0;
    do { b[--i] = '0' + u % 10; u /= 10; } while (u);
    if (neg) b[--i] = '-';
    puts_(b + i);
}
static void kv(const char *k, i64 v) { puts_(k); puts_("="); putnum(v); puts_("\n"); }

/* arch/x86 struct stat */
struct kstat { u64 dev, ino, nlink; unsigned mode, uid, gid, pad0; u64 rdev; i64 size, blksize, blocks;
    u64 atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns; i64 unused[3]; };
struct ksigaction { void *handler; u64 flags; void *restorer; u64 mask; };
#define SA_SIGINFO 4
#define SA_RESTORER 0x04000000
struct siginfo { int signo, errno_, code, pad; u64 addr; char rest[104]; };
/* the kernel's ucontext: uc_mcontext.gregs in sigcontext order */
struct ucontext_ { u64 flags; void *link; void *ss_sp; int ss_flags; u64 ss_size; u64 gregs[23]; void *fpstate;
    u64 reserved[8]; u64 sigmask; };
enum { REG_R8 = 0, REG_RDI = 8, REG_RSI = 9, REG_RBX = 11, REG_RAX = 13, REG_RSP = 15, REG_RIP = 16, REG_EFL = 17,
    REG_CR2 = 22 };

extern void restorer(void);
__asm__(".text\nrestorer:\n mov $15, %eax\n syscall\n hlt\n");

static volatile int got_sig, got_code;
static volatile u64 got_addr, got_rbx, got_mask_ok;

static void handler(int sig, struct siginfo *si, struct ucontext_ *uc) {
    got_sig = sig;
    got_code = si->code;
    got_addr = si->addr;
    got_rbx = uc->gregs[REG_RBX];
    got_mask_ok = (uc->fpstate != 0) && (((u64)uc->fpstate & 15) == 0);
    if (sig == 8 || sig == 4 || sig == 11) {
        /* skip the faulting instruction: its length is in rbx by convention */
        uc->gregs[REG_RIP] += uc->gregs[REG_RBX];
        uc->gregs[REG_RAX] = 1234; /* and show that the restored registers come from the frame */
    }
}

static void on(int sig) {
    struct ksigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.handler = (void *)handler;
    sa.flags = SA_SIGINFO | SA_RESTORER;
    sa.restorer = (void *)restorer;
    kv("sigaction", S4(NR_rt_sigaction, sig, &sa, 0, 8));
}

static char tls_block[64] __attribute__((aligned(16)));

int main(int argc, char **argv) {
    char buf[512];
    kv("argc", argc);
    puts_("argv0-ok="); putnum(len(argv[0]) > 0); puts_("\n");

    /* uname: machine at offset 4 * 65 */
    kv("uname", S1(NR_uname, buf));
    puts_("machine="); puts_(buf + 260); puts_("\n");

    /* files: open, write, lseek, read, fstat/stat/lstat sizes and modes, access, chmod, unlink */
    const char *path = "abi-test.tmp";
    i64 fd = S3(NR_open, path, 0100 | 01000 | 2, 0644); /* O_CREAT|O_TRUNC|O_RDWR */
    kv("open", fd >= 0);
    kv("write", S3(NR_write, fd, "hello, x86_64\n", 14));
    kv("lseek", S3(NR_lseek, fd, 0, 0));
    kv("read", S3(NR_read, fd, buf, 100));
    struct kstat st;
    memset(&st, 0xAA, sizeof st);
    kv("fstat", S2(NR_fstat, fd, &st));
    kv("st_size", st.size);
    kv("st_mode", st.mode);
    kv("st_nlink", st.nlink);
    kv("st_blksize>0", st.blksize > 0);
    kv("st_mtime>0", st.mtime > 1000000000);
    S1(NR_close, fd);
    kv("chmod", S2(NR_chmod, path, 0600));
    memset(&st, 0, sizeof st);
    kv("stat", S2(NR_stat, path, &st));
    kv("st_mode", st.mode);
    kv("lstat", S2(NR_lstat, path, &st));
    kv("access", S2(NR_access, path, 4));
    kv("unlink", S1(NR_unlink, path));
    kv("stat-gone", S2(NR_stat, path, &st));
    kv("readlink-nonlink", S3(NR_readlink, "/", buf, 10));

    /* directories: mkdir, getdents finds "." with DT_DIR in the record's last byte, rmdir */
    kv("mkdir", S2(NR_mkdir, "abi-test.dir", 0755));
    fd = S3(NR_open, "abi-test.dir", 0200000, 0); /* O_DIRECTORY */
    i64 n = S3(NR_getdents, fd, buf, sizeof buf);
    int dots = 0, dirtype = 0;
    for (i64 pos = 0; pos < n;) {
        unsigned short reclen = *(unsigned short *)(buf + pos + 16);
        char *name = buf + pos + 18;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) {
            dots++;
            dirtype += buf[pos + reclen - 1] == 4;
        }
        pos += reclen;
    }
    kv("getdents-dots", dots);
    kv("getdents-dtdir", dirtype);
    S1(NR_close, fd);
    kv("rmdir", S1(NR_rmdir, "abi-test.dir"));

    /* pipe, poll, select, dup2 */
    int p[2];
    kv("pipe", S1(NR_pipe, p));
    S3(NR_write, p[1], "x", 1);
    struct { int fd; short events, revents; } pfd = {p[0], 1, 0};
    kv("poll", S3(NR_poll, &pfd, 1, 0));
    kv("revents", pfd.revents);
    u64 rset = 1ul << p[0];
    struct { i64 sec, usec; } tv = {0, 0};
    kv("select", sys(NR_select, p[0] + 1, (i64)&rset, 0, 0, (i64)&tv, 0));
    kv("dup2", S2(NR_dup2, p[0], 20));
    kv("read-dup", S3(NR_read, 20, buf, 1));

    /* arch_prctl: FS base, then a %fs-relative load; GS likewise */
    u64 oldfs = 0;
    kv("get_fs", S2(NR_arch_prctl, 0x1003, &oldfs));
    *(u64 *)tls_block = 0x1122334455667788ul;
    kv("set_fs", S2(NR_arch_prctl, 0x1002, tls_block));
    u64 v;
    __asm__ volatile("mov %%fs:0, %0" : "=r"(v));
    kv("fs0-ok", v == 0x1122334455667788ul);
    u64 got = 0;
    S2(NR_arch_prctl, 0x1003, &got);
    kv("get_fs-ok", got == (u64)tls_block);
    kv("set_gs", S2(NR_arch_prctl, 0x1001, tls_block + 8));
    *(u64 *)(tls_block + 8) = 99;
    __asm__ volatile("mov %%gs:0, %0" : "=r"(v));
    kv("gs0", v);
    kv("bad_code", S2(NR_arch_prctl, 0x9999, 0));
    S2(NR_arch_prctl, 0x1002, oldfs);
    kv("get_fs-restored", S2(NR_arch_prctl, 0x1003, &got) == 0 && got == oldfs);

    /* signals: a handler with SA_RESTORER for kill, #DE (SIGFPE), UD2 (SIGILL), HLT (SIGSEGV) */
    on(10);
    kv("kill", S2(NR_kill, S0(NR_getpid), 10));
    kv("sig", got_sig);
    kv("code", got_code);
    kv("fpstate-aligned", got_mask_ok);
    on(8);
    i64 q;
    __asm__ volatile("mov $2, %%ebx\n xor %%ecx, %%ecx\n mov $7, %%eax\n cltd\n idivl %%ecx\n"
                     : "=a"(q) : : "rbx", "rcx", "rdx");
    kv("sigfpe", got_sig);
    kv("fpe_code", got_code);
    kv("after-div", q);
    on(4);
    __asm__ volatile("mov $2, %%ebx\n mov $5, %%eax\n ud2\n" : "=a"(q) : : "rbx");
    kv("sigill", got_sig);
    kv("ill_code", got_code);
    kv("after-ud2", q);
    on(11);
    __asm__ volatile("mov $1, %%ebx\n mov $5, %%eax\n hlt\n" : "=a"(q) : : "rbx");
    kv("sigsegv", got_sig);
    kv("segv_code", got_code);
    kv("after-hlt", q);
    __asm__ volatile("mov $4, %%ebx\n mov $5, %%eax\n movb $0, 0x10(%%rax)\n" : "=a"(q) : : "rbx", "memory");
    kv("segv-store", got_sig);
    kv("segv_code", got_code);
    kv("cr2", got_addr);

    /* fork and wait4 */
    i64 pid = S0(NR_fork);
    if (pid == 0) {
        puts_("child\n");
        S1(NR_exit_group, 7);
    }
    int status = 0;
    kv("wait4", S4(NR_wait4, pid, &status, 0, 0) == pid);
    kv("status", status);
    kv("getpgrp>0", S0(NR_getpgrp) > 0);
    kv("time>0", S1(NR_time, 0) > 1000000000);
    return 0;
}

__asm__(".text\n.globl _start\n_start:\n xor %ebp, %ebp\n mov (%rsp), %rdi\n lea 8(%rsp), %rsi\n and $-16, %rsp\n"
        " call main\n mov %eax, %edi\n mov $231, %eax\n syscall\n hlt\n");

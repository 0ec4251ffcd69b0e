package dev.emu.linux.arm32;

import dev.emu.linux.Errno;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.SyscallHandlers;
import dev.emu.linux.abi.GenericSyscalls;
import dev.emu.linux.abi.SyscallTable;
import dev.emu.arm32.Arm32Registers;

import java.util.function.Consumer;

/**
 * The 32-bit ARM EABI syscall table (arch/arm/tools/syscall.tbl, EABI and common entries)
 * and the calls that differ from the canonical handlers: 64-bit values in an even/odd
 * register pair, mmap2's page-unit offset, the legacy path calls, the *_time64 calls that
 * take a 64-bit timespec, and the ARM private calls at 0xf0000 (stored in the table at
 * {@link #PRIVATE_BASE} + n).
 */
public final class Arm32Syscalls {
    private Arm32Syscalls() {}

    /** __ARM_NR_BASE (0xf0000) + n is table entry PRIVATE_BASE + n. */
    public static final int ARM_NR_BASE = 0xf0000, PRIVATE_BASE = 4096;

    private static final String TABLE = """
            0 restart_syscall 1 exit 2 fork 3 read 4 write 5 open 6 close 8 creat 9 link 10 unlink 11 execve
            12 chdir 14 mknod 15 chmod 16 lchown16 19 lseek 20 getpid 21 mount 23 setuid16 24 getuid16 26 ptrace
            29 pause 33 access 34 nice 36 sync 37 kill 38 rename 39 mkdir 40 rmdir 41 dup 42 pipe 43 times 45 brk
            46 setgid16 47 getgid16 49 geteuid16 50 getegid16 51 acct 52 umount2 54 ioctl 55 fcntl 57 setpgid
            60 umask 61 chroot 62 ustat 63 dup2 64 getppid 65 getpgrp 66 setsid 67 sigaction 70 setreuid16
            71 setregid16 72 sigsuspend 73 sigpending 74 sethostname 75 setrlimit 77 getrusage 78 gettimeofday
            79 settimeofday 80 getgroups16 81 setgroups16 83 symlink 85 readlink 86 uselib 87 swapon 88 reboot
            91 munmap 92 truncate 93 ftruncate 94 fchmod 95 fchown16 96 getpriority 97 setpriority 99 statfs
            100 fstatfs 103 syslog 104 setitimer 105 getitimer 106 newstat 107 newlstat 108 newfstat 111 vhangup
            114 wait4 115 swapoff 116 sysinfo 118 fsync 119 sigreturn 120 clone 121 setdomainname 122 uname
            124 adjtimex 125 mprotect 126 sigprocmask 128 init_module 129 delete_module 131 quotactl 132 getpgid
            133 fchdir 134 bdflush 135 sysfs 136 personality 138 setfsuid16 139 setfsgid16 140 _llseek 141 getdents
            142 _newselect 143 flock 144 msync 145 readv 146 writev 147 getsid 148 fdatasync 149 _sysctl 150 mlock
            151 munlock 152 mlockall 153 munlockall 154 sched_setparam 155 sched_getparam 156 sched_setscheduler
            157 sched_getscheduler 158 sched_yield 159 sched_get_priority_max 160 sched_get_priority_min
            161 sched_rr_get_interval 162 nanosleep 163 mremap 164 setresuid16 165 getresuid16 168 poll
            169 nfsservctl 170 setresgid16 171 getresgid16 172 prctl 173 rt_sigreturn 174 rt_sigaction
            175 rt_sigprocmask 176 rt_sigpending 177 rt_sigtimedwait 178 rt_sigqueueinfo 179 rt_sigsuspend
            180 pread64 181 pwrite64 182 chown16 183 getcwd 184 capget 185 capset 186 sigaltstack 187 sendfile
            190 vfork 191 ugetrlimit 192 mmap2 193 truncate64 194 ftruncate64 195 stat64 196 lstat64 197 fstat64
            198 lchown32 199 getuid32 200 getgid32 201 geteuid32 202 getegid32 203 setreuid32 204 setregid32
            205 getgroups32 206 setgroups32 207 fchown32 208 setresuid32 209 getresuid32 210 setresgid32
            211 getresgid32 212 chown32 213 setuid32 214 setgid32 215 setfsuid32 216 setfsgid32 217 getdents64
            218 pivot_root 219 mincore 220 madvise 221 fcntl64 224 gettid 225 readahead 226 setxattr 227 lsetxattr
            228 fsetxattr 229 getxattr 230 lgetxattr 231 fgetxattr 232 listxattr 233 llistxattr 234 flistxattr
            235 removexattr 236 lremovexattr 237 fremovexattr 238 tkill 239 sendfile64 240 futex
            241 sched_setaffinity 242 sched_getaffinity 243 io_setup 244 io_destroy 245 io_getevents 246 io_submit
            247 io_cancel 248 exit_group 249 lookup_dcookie 250 epoll_create 251 epoll_ctl 252 epoll_wait
            253 remap_file_pages 256 set_tid_address 257 timer_create 258 timer_settime 259 timer_gettime
            260 timer_getoverrun 261 timer_delete 262 clock_settime 263 clock_gettime 264 clock_getres
            265 clock_nanosleep 266 statfs64 267 fstatfs64 268 tgkill 269 utimes 270 arm_fadvise64_64
            271 pciconfig_iobase 272 pciconfig_read 273 pciconfig_write 274 mq_open 275 mq_unlink 276 mq_timedsend
            277 mq_timedreceive 278 mq_notify 279 mq_getsetattr 280 waitid 281 socket 282 bind 283 connect
            284 listen 285 accept 286 getsockname 287 getpeername 288 socketpair 289 send 290 sendto 291 recv
            292 recvfrom 293 shutdown 294 setsockopt 295 getsockopt 296 sendmsg 297 recvmsg 298 semop 299 semget
            300 semctl 301 msgsnd 302 msgrcv 303 msgget 304 msgctl 305 shmat 306 shmdt 307 shmget 308 shmctl
            309 add_key 310 request_key 311 keyctl 312 semtimedop 313 vserver 314 ioprio_set 315 ioprio_get
            316 inotify_init 317 inotify_add_watch 318 inotify_rm_watch 319 mbind 320 get_mempolicy
            321 set_mempolicy 322 openat 323 mkdirat 324 mknodat 325 fchownat 326 futimesat 327 fstatat64
            328 unlinkat 329 renameat 330 linkat 331 symlinkat 332 readlinkat 333 fchmodat 334 faccessat
            335 pselect6 336 ppoll 337 unshare 338 set_robust_list 339 get_robust_list 340 splice
            341 arm_sync_file_range 342 tee 343 vmsplice 344 move_pages 345 getcpu 346 epoll_pwait 347 kexec_load
            348 utimensat 349 signalfd 350 timerfd_create 351 eventfd 352 fallocate 353 timerfd_settime
            354 timerfd_gettime 355 signalfd4 356 eventfd2 357 epoll_create1 358 dup3 359 pipe2 360 inotify_init1
            361 preadv 362 pwritev 363 rt_tgsigqueueinfo 364 perf_event_open 365 recvmmsg 366 accept4
            367 fanotify_init 368 fanotify_mark 369 prlimit64 370 name_to_handle_at 371 open_by_handle_at
            372 clock_adjtime 373 syncfs 374 sendmmsg 375 setns 376 process_vm_readv 377 process_vm_writev
            378 kcmp 379 finit_module 380 sched_setattr 381 sched_getattr 382 renameat2 383 seccomp 384 getrandom
            385 memfd_create 386 bpf 387 execveat 388 userfaultfd 389 membarrier 390 mlock2 391 copy_file_range
            392 preadv2 393 pwritev2 394 pkey_mprotect 395 pkey_alloc 396 pkey_free 397 statx 398 rseq
            399 io_pgetevents 400 migrate_pages 401 kexec_file_load 403 clock_gettime64 404 clock_settime64
            405 clock_adjtime64 406 clock_getres_time64 407 clock_nanosleep_time64 408 timer_gettime64
            409 timer_settime64 410 timerfd_gettime64 411 timerfd_settime64 412 utimensat_time64
            413 pselect6_time64 414 ppoll_time64 416 io_pgetevents_time64 417 recvmmsg_time64
            418 mq_timedsend_time64 419 mq_timedreceive_time64 420 semtimedop_time64 421 rt_sigtimedwait_time64
            422 futex_time64 423 sched_rr_get_interval_time64 424 pidfd_send_signal 425 io_uring_setup
            426 io_uring_enter 427 io_uring_register 428 open_tree 429 move_mount 430 fsopen 431 fsconfig
            432 fsmount 433 fspick 434 pidfd_open 435 clone3 436 close_range 437 openat2 438 pidfd_getfd
            439 faccessat2 440 process_madvise 441 epoll_pwait2 442 mount_setattr 443 quotactl_fd
            444 landlock_create_ruleset 445 landlock_add_rule 446 landlock_restrict_self 448 process_mrelease
            449 futex_waitv 450 set_mempolicy_home_node 451 cachestat 452 fchmodat2
            4097 breakpoint 4098 cacheflush 4099 usr26 4100 usr32 4101 set_tls 4102 get_tls
            """;

    public static SyscallTable table() {
        return new SyscallTable(GenericSyscalls.parse(TABLE));
    }

    private static final int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100;

    /** A 64-bit value from the (lo, hi) words of a register pair. */
    static long pair(long lo, long hi) {
        return (lo & 0xffffffffL) | (hi << 32);
    }

    private static SyscallHandler with(SyscallHandler h, Consumer<long[]> rewrite) {
        if (h == null) {
            return null;
        }
        return c -> {
            rewrite.accept(c.args);
            return h.call(c);
        };
    }

    /** A handler run with 64-bit time_t in timespec (the *_time64 calls). */
    private static SyscallHandler time64(SyscallHandler h) {
        if (h == null) {
            return null;
        }
        return c -> {
            boolean was = Arm32Structs.TIME64.get();
            Arm32Structs.TIME64.set(true);
            try {
                return h.call(c);
            } finally {
                Arm32Structs.TIME64.set(was);
            }
        };
    }

    private static void put(SyscallHandlers m, String name, SyscallHandler h) {
        if (h != null) {
            m.put(name, h);
        }
    }

    static void register(SyscallHandlers m) {
        // same semantics under another name (16-bit ids are the host's anyway; struct stat is stat64 here)
        String[][] aliases = {
                {"getuid16", "getuid"}, {"getgid16", "getgid"}, {"geteuid16", "geteuid"}, {"getegid16", "getegid"},
                {"getuid32", "getuid"}, {"getgid32", "getgid"}, {"geteuid32", "geteuid"}, {"getegid32", "getegid"},
                {"setuid16", "setuid"}, {"setgid16", "setgid"}, {"setuid32", "setuid"}, {"setgid32", "setgid"},
                {"setreuid16", "setreuid"}, {"setregid16", "setregid"}, {"setreuid32", "setreuid"},
                {"setregid32", "setregid"}, {"setresuid16", "setresuid"}, {"setresgid16", "setresgid"},
                {"setresuid32", "setresuid"}, {"setresgid32", "setresgid"}, {"getresuid16", "getresuid"},
                {"getresgid16", "getresgid"}, {"getresuid32", "getresuid"}, {"getresgid32", "getresgid"},
                {"getgroups32", "getgroups"}, {"setgroups32", "setgroups"}, {"setfsuid32", "setfsuid"},
                {"setfsgid32", "setfsgid"}, {"fchown32", "fchown"}, {"fchown16", "fchown"},
                {"ugetrlimit", "getrlimit"}, {"stat64", "stat"}, {"lstat64", "lstat"}, {"fstat64", "fstat"},
                {"fstatat64", "newfstatat"}, {"sendfile64", "sendfile"},
        };
        for (String[] a : aliases) {
            m.alias(a[0], a[1]);
        }
        // the old-layout stat calls (106-108) and statfs (99, 100) are not used by EABI libcs
        m.remove("newstat");
        m.remove("newlstat");
        m.remove("newfstat");
        SyscallHandler fchownat = m.get("fchownat");
        put(m, "chown32", with(fchownat, a -> shiftIn(a, AT_FDCWD, 0)));
        put(m, "chown16", m.get("chown32"));
        put(m, "lchown32", with(fchownat, a -> {
            shiftIn(a, AT_FDCWD, AT_SYMLINK_NOFOLLOW);
        }));
        put(m, "lchown16", m.get("lchown32"));
        // fcntl64: F_GETLK64, F_SETLK64, F_SETLKW64 (12-14) take a struct flock64, whose l_type
        // comes first as in struct flock: the canonical F_GETLK/F_SETLK/F_SETLKW serve them
        put(m, "fcntl64", with(m.get("fcntl"), a -> {
            if (a[1] >= 12 && a[1] <= 14) {
                a[1] -= 7;
            }
        }));
        put(m, "pipe", with(m.get("pipe2"), a -> a[1] = 0));
        put(m, "getpgrp", with(m.get("getpgid"), a -> a[0] = 0));

        // 64-bit values in register pairs (aligned to an even register)
        put(m, "pread64", with(m.get("pread64"), a -> a[3] = pair(a[4], a[5])));
        put(m, "pwrite64", with(m.get("pwrite64"), a -> a[3] = pair(a[4], a[5])));
        put(m, "preadv", with(m.get("preadv"), a -> a[3] = pair(a[3], a[4])));
        put(m, "pwritev", with(m.get("pwritev"), a -> a[3] = pair(a[3], a[4])));
        put(m, "ftruncate64", with(m.get("ftruncate"), a -> a[1] = pair(a[2], a[3])));
        put(m, "truncate64", with(m.get("truncate"), a -> a[1] = pair(a[2], a[3])));
        put(m, "readahead", m.get("readahead"));
        put(m, "arm_fadvise64_64", with(m.get("fadvise64"), a -> {
            long advice = a[1];
            a[1] = pair(a[2], a[3]);
            a[2] = pair(a[4], a[5]);
            a[3] = advice;
        }));
        put(m, "arm_sync_file_range", c -> 0);
        put(m, "fallocate", with(m.get("fallocate"), a -> {
            a[2] = pair(a[2], a[3]);
            a[3] = pair(a[4], a[5]);
        }));
        // _llseek is the canonical handler (FileSyscalls)
        // mmap2: the offset in 4096-byte units
        put(m, "mmap2", with(m.get("mmap"), a -> a[5] = (a[5] & 0xffffffffL) << 12));
        // statfs64(path, size, buf): the ABI's statfs layout is statfs64
        put(m, "statfs64", with(m.get("statfs"), a -> a[1] = a[2]));
        put(m, "fstatfs64", with(m.get("fstatfs"), a -> a[1] = a[2]));
        m.remove("statfs");
        m.remove("fstatfs");

        String[][] t64 = {
                {"clock_gettime64", "clock_gettime"}, {"clock_getres_time64", "clock_getres"},
                {"clock_nanosleep_time64", "clock_nanosleep"}, {"utimensat_time64", "utimensat"},
                {"pselect6_time64", "pselect6"}, {"ppoll_time64", "ppoll"}, {"futex_time64", "futex"},
                {"rt_sigtimedwait_time64", "rt_sigtimedwait"}, {"timer_gettime64", "timer_gettime"},
                {"timer_settime64", "timer_settime"},
        };
        for (String[] a : t64) {
            put(m, a[0], time64(m.get(a[1])));
        }

        // Handlers always get the rt_sigframe here (the kernel gives one without siginfo to a
        // handler without SA_SIGINFO), so glibc's sigreturn restorer unwinds the same frame.
        m.alias("sigreturn", "rt_sigreturn");
        m.alias("_newselect", "select");

        // ARM private calls
        m.put("set_tls", c -> {
            c.thread.cpu.regs[Arm32Registers.TPIDRURO] = c.args[0] & 0xffffffffL;
            return 0;
        });
        m.put("get_tls", c -> c.thread.cpu.regs[Arm32Registers.TPIDRURO]);
        m.put("cacheflush", c -> 0); // stores to code already invalidate translations
        m.put("breakpoint", c -> -Errno.ENOSYS);
    }

    /** Makes room for a dirfd first and a flags argument after (path, a, b) -> (dirfd, path, a, b, flags). */
    private static void shiftIn(long[] a, long dirfd, long flags) {
        a[4] = flags;
        a[3] = a[2];
        a[2] = a[1];
        a[1] = a[0];
        a[0] = dirfd;
    }
}

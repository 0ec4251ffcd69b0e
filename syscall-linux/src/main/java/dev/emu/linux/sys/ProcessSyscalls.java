package dev.emu.linux.sys;

import dev.emu.linux.Errno;
import dev.emu.linux.LinuxProcess;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.fs.HostIds;
import dev.emu.linux.fs.HostRandom;
import dev.emu.linux.fs.MemInfo;
import dev.emu.linux.fs.UnameInfo;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Identity, limits, exit, system information and scheduling. */
public final class ProcessSyscalls {

    private ProcessSyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "exit" -> c -> {
                // one thread ends; with a single thread that ends the process
                if (c.proc.threads().size() <= 1) {
                    c.proc.exit(c.intArg(0) & 0xff);
                } else {
                    c.thread.requestStop();
                }
                return 0;
            };
            case "exit_group" -> c -> {
                c.proc.exit(c.intArg(0) & 0xff);
                return 0;
            };
            case "getpid" -> c -> c.proc.pid();
            case "getppid" -> c -> c.proc.ppid();
            case "gettid" -> c -> c.thread.tid();
            case "getuid" -> c -> HostIds.UID;
            case "geteuid" -> c -> HostIds.UID;
            case "getgid" -> c -> HostIds.GID;
            case "getegid" -> c -> HostIds.GID;
            case "getresuid" -> c -> resIds(c, HostIds.UID);
            case "getresgid" -> c -> resIds(c, HostIds.GID);
            case "getgroups" -> c -> {
                if (c.intArg(0) < 0) {
                    return -Errno.EINVAL;
                }
                if (c.intArg(0) > 0) {
                    c.writeU32(c.ptrArg(1), HostIds.GID);
                }
                return 1;
            };
            case "setuid" -> c -> c.intArg(0) == HostIds.UID ? 0 : -Errno.EPERM;
            case "setgid" -> c -> c.intArg(0) == HostIds.GID ? 0 : -Errno.EPERM;
            case "setreuid" -> c -> sameOrKeep(c, HostIds.UID, 2);
            case "setregid" -> c -> sameOrKeep(c, HostIds.GID, 2);
            case "setresuid" -> c -> sameOrKeep(c, HostIds.UID, 3);
            case "setresgid" -> c -> sameOrKeep(c, HostIds.GID, 3);
            case "setfsuid" -> c -> HostIds.UID;
            case "setfsgid" -> c -> HostIds.GID;
            case "setgroups" -> c -> -Errno.EPERM;
            case "getpgid" -> c -> {
                LinuxProcess p = c.intArg(0) == 0 ? c.proc : c.kernel.process(c.intArg(0));
                return p == null ? -Errno.ESRCH : p.pgid;
            };
            case "getsid" -> c -> {
                LinuxProcess p = c.intArg(0) == 0 ? c.proc : c.kernel.process(c.intArg(0));
                return p == null ? -Errno.ESRCH : p.sid;
            };
            case "setpgid" -> ProcessSyscalls::setpgid;
            case "setsid" -> c -> {
                if (!c.kernel.group(c.proc.pid()).isEmpty()) {
                    return -Errno.EPERM; // already a group leader (or its group lives on)
                }
                c.proc.sid = c.proc.pid();
                c.proc.pgid = c.proc.pid();
                return c.proc.pid();
            };
            case "getpriority" -> c -> 20;
            case "setpriority" -> c -> 0;
            case "uname" -> ProcessSyscalls::uname;
            case "sysinfo" -> ProcessSyscalls::sysinfo;
            case "getrandom" -> ProcessSyscalls::getrandom;
            case "getrlimit" -> c -> {
                int r = c.intArg(0);
                if (r < 0 || r >= LinuxProcess.RLIM_NLIMITS) {
                    return -Errno.EINVAL;
                }
                long[] l = c.proc.rlimits[r];
                c.write(c.ptrArg(1), c.structs.rlimit(l[0], l[1]));
                return 0;
            };
            case "setrlimit" -> c -> {
                int r = c.intArg(0);
                if (r < 0 || r >= LinuxProcess.RLIM_NLIMITS) {
                    return -Errno.EINVAL;
                }
                return setLimit(c.proc, r, c.structs.readRlimit(c.read(c.ptrArg(1), c.structs.rlimitSize())));
            };
            case "prlimit64" -> ProcessSyscalls::prlimit64;
            case "getrusage" -> c -> {
                long cpu = ThreadCpuClock.THREADS.getCurrentThreadCpuTime() / 1000;
                long user = ThreadCpuClock.THREADS.getCurrentThreadUserTime() / 1000;
                long rssKb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024;
                c.write(c.ptrArg(1), c.structs.rusage(user, cpu - user, rssKb));
                return 0;
            };
            case "set_tid_address" -> c -> {
                c.thread.clearChildTid = c.ptrArg(0);
                return c.thread.tid();
            };
            case "set_robust_list" -> c -> {
                c.thread.robustList = c.ptrArg(0);
                c.thread.robustListLen = c.ptrArg(1);
                return 0;
            };
            case "get_robust_list" -> c -> {
                c.writeWord(c.ptrArg(1), c.thread.robustList);
                c.writeWord(c.ptrArg(2), c.thread.robustListLen);
                return 0;
            };
            // glibc registers rseq when the kernel has it and copes with ENOSYS; saying so is not news
            case "rseq" -> c -> -Errno.ENOSYS;
            case "sched_getaffinity" -> ProcessSyscalls::schedGetaffinity;
            case "sched_setaffinity" -> c -> 0;
            case "sched_yield" -> c -> {
                Thread.yield();
                return 0;
            };
            case "sched_getscheduler" -> c -> 0;
            case "sched_setscheduler" -> c -> 0;
            case "sched_getparam" -> c -> {
                c.writeU32(c.ptrArg(1), 0);
                return 0;
            };
            case "sched_setparam" -> c -> 0;
            case "sched_get_priority_max" -> c -> c.intArg(0) == 1 || c.intArg(0) == 2 ? 99 : 0;
            case "sched_get_priority_min" -> c -> c.intArg(0) == 1 || c.intArg(0) == 2 ? 1 : 0;
            case "getcpu" -> c -> {
                if (c.ptrArg(0) != 0) {
                    c.writeU32(c.ptrArg(0), 0);
                }
                if (c.ptrArg(1) != 0) {
                    c.writeU32(c.ptrArg(1), 0);
                }
                return 0;
            };
            case "prctl" -> ProcessSyscalls::prctl;
            case "personality" -> c -> 0;
            case "capget" -> c -> {
                if (c.ptrArg(1) != 0) {
                    c.write(c.ptrArg(1), new byte[24]); // two cap_user_data: no capabilities
                }
                return 0;
            };
            case "capset" -> c -> -Errno.EPERM;
            case "membarrier" -> c -> {
                java.lang.invoke.VarHandle.fullFence();
                return c.intArg(0) == 0 ? 0 : 0; // MEMBARRIER_CMD_QUERY: none supported
            };
            default -> null;
        };
    }

    /** setpgid(pid, pgid): the caller or a child of it, into a group of the caller's session. */
    static long setpgid(SyscallContext c) {
        int pid = c.intArg(0);
        int pgid = c.intArg(1);
        if (pgid < 0) {
            return -Errno.EINVAL;
        }
        LinuxProcess p = pid == 0 || pid == c.proc.pid() ? c.proc : c.kernel.process(pid);
        if (p == null || p != c.proc && p.parent != c.proc) {
            return -Errno.ESRCH;
        }
        if (p.sid != c.proc.sid) {
            return -Errno.EPERM;
        }
        if (p.sid == p.pid()) {
            return -Errno.EPERM; // a session leader keeps its group
        }
        int target = pgid == 0 ? p.pid() : pgid;
        if (target != p.pid()) {
            boolean exists = false;
            for (LinuxProcess q : c.kernel.group(target)) {
                exists |= q.sid == c.proc.sid;
            }
            if (!exists) {
                return -Errno.EPERM;
            }
        }
        p.pgid = target;
        return 0;
    }

    static long resIds(SyscallContext c, int id) {
        for (int i = 0; i < 3; i++) {
            c.writeU32(c.ptrArg(i), id);
        }
        return 0;
    }

    static long sameOrKeep(SyscallContext c, int id, int n) {
        for (int i = 0; i < n; i++) {
            int v = c.intArg(i);
            if (v != -1 && v != id) {
                return -Errno.EPERM;
            }
        }
        return 0;
    }

    static long uname(SyscallContext c) {
        String node = UnameInfo.nodename();
        c.write(c.ptrArg(0), c.structs.utsname("Linux", node, UnameInfo.release(), UnameInfo.version(),
                c.abi.unameMachine(), "(none)"));
        c.outValue = new String[] {"Linux", node};
        return 0;
    }

    static long sysinfo(SyscallContext c) {
        long uptime = TimeSyscalls.monotonicNanos() / 1_000_000_000L;
        long total = MemInfo.totalBytes();
        long free = MemInfo.freeBytes();
        if (c.abi.wordBits() == 32) {
            total = Math.min(total, 0xffffffffL);
            free = Math.min(free, 0xffffffffL);
        }
        c.write(c.ptrArg(0), c.structs.sysinfo(uptime, new long[3], total, free, 0, 0, 0, 0,
                Math.max(1, c.kernel.processes().size())));
        return 0;
    }

    static long getrandom(SyscallContext c) {
        int len = (int) Math.min(c.ptrArg(1), 1 << 25);
        byte[] b = new byte[len];
        Long seed = c.kernel.options().randomSeed;
        if (seed != null) {
            new Random(seed).nextBytes(b);
        } else {
            HostRandom.nextBytes(b);
        }
        c.write(c.ptrArg(0), b);
        return len;
    }

    static long prlimit64(SyscallContext c) {
        int pid = c.intArg(0);
        int r = c.intArg(1);
        LinuxProcess p = pid == 0 ? c.proc : c.kernel.process(pid);
        if (p == null) {
            return -Errno.ESRCH;
        }
        if (r < 0 || r >= LinuxProcess.RLIM_NLIMITS) {
            return -Errno.EINVAL;
        }
        long[] old = p.rlimits[r].clone();
        if (c.ptrArg(2) != 0) {
            byte[] b = c.read(c.ptrArg(2), 16);
            var g = c.structs.wrap(b);
            long rc = setLimit(p, r, new long[] {g.getU64(0), g.getU64(8)});
            if (rc != 0) {
                return rc;
            }
        }
        if (c.ptrArg(3) != 0) {
            c.write(c.ptrArg(3), c.structs.buffer(16).u64(0, old[0]).u64(8, old[1]).bytes());
        }
        return 0;
    }

    static long setLimit(LinuxProcess p, int r, long[] v) {
        if (Long.compareUnsigned(v[0], v[1]) > 0) {
            return -Errno.EINVAL;
        }
        if (Long.compareUnsigned(v[1], p.rlimits[r][1]) > 0) {
            return -Errno.EPERM; // raising the hard limit needs privilege
        }
        p.rlimits[r] = v;
        if (r == LinuxProcess.RLIMIT_NOFILE) {
            p.fds().setLimit((int) Math.min(v[0] < 0 ? 1 << 20 : v[0], 1 << 20));
        }
        return 0;
    }

    static long schedGetaffinity(SyscallContext c) {
        long size = c.ptrArg(1);
        int cpus = Runtime.getRuntime().availableProcessors();
        int bytes = Math.max(8, ((cpus + 63) / 64) * 8);
        if (size < bytes || (size & 7) != 0) {
            return -Errno.EINVAL;
        }
        byte[] mask = new byte[bytes];
        for (int i = 0; i < cpus; i++) {
            mask[i / 8] |= (byte) (1 << (i % 8));
        }
        c.write(c.ptrArg(2), mask);
        return bytes;
    }

    static final int PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3, PR_SET_DUMPABLE = 4,
            PR_SET_NAME = 15, PR_GET_NAME = 16, PR_SET_NO_NEW_PRIVS = 38, PR_GET_NO_NEW_PRIVS = 39;

    static long prctl(SyscallContext c) {
        switch (c.intArg(0)) {
            case PR_SET_NAME:
                c.cStringBytes(c.ptrArg(1), 16 + 4096);
                return 0;
            case PR_GET_NAME: {
                String exe = c.proc.exePath == null ? "emu" : c.proc.exePath;
                String name = exe.substring(exe.lastIndexOf('/') + 1);
                byte[] b = new byte[16];
                byte[] n = name.getBytes(StandardCharsets.UTF_8);
                System.arraycopy(n, 0, b, 0, Math.min(15, n.length));
                c.write(c.ptrArg(1), b);
                return 0;
            }
            case PR_GET_DUMPABLE:
                return 1;
            case PR_GET_PDEATHSIG:
                c.writeU32(c.ptrArg(1), 0);
                return 0;
            case PR_SET_PDEATHSIG:
            case PR_SET_DUMPABLE:
            case PR_SET_NO_NEW_PRIVS:
                return 0;
            case PR_GET_NO_NEW_PRIVS:
                return 0;
            default:
                return -Errno.EINVAL;
        }
    }
}

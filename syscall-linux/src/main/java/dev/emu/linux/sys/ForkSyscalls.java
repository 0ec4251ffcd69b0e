package dev.emu.linux.sys;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.Engine;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.Errno;
import dev.emu.linux.Kernel;
import dev.emu.linux.LinuxProcess;
import dev.emu.linux.LinuxThread;
import dev.emu.linux.Signals;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallError;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.abi.SigInfo;


/**
 * New processes: clone without CLONE_VM (fork), vfork (a copy-on-write fork whose parent
 * waits until the child execs or ends), and wait4/waitid to reap them. Each child runs on a
 * Java thread of its own with its own engine over a forked address space; open file
 * descriptions are shared. Threads (CLONE_VM without CLONE_VFORK) are not implemented yet.
 */
public final class ForkSyscalls {
    static final long CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400, CLONE_SIGHAND = 0x800,
            CLONE_VFORK = 0x4000, CLONE_PARENT = 0x8000, CLONE_THREAD = 0x10000, CLONE_SETTLS = 0x80000,
            CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000, CLONE_CHILD_SETTID = 0x1000000;
    static final int WNOHANG = 1, WUNTRACED = 2, WSTOPPED = 2, WEXITED = 4, WCONTINUED = 8, WNOWAIT = 0x01000000;
    static final int P_ALL = 0, P_PID = 1, P_PGID = 2;
    /** Java stack for a guest thread: deep enough for the engine and JIT-compiled blocks. */
    static final long THREAD_STACK = 16L << 20;

    private ForkSyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "clone" -> ForkSyscalls::clone;
            case "fork" -> c -> fork(c, 0, 0, 0, 0, 0);
            case "vfork" -> c -> fork(c, CLONE_VM | CLONE_VFORK, 0, 0, 0, 0);
            case "clone3" -> ForkSyscalls::clone3;
            case "wait4" -> ForkSyscalls::wait4;
            case "waitid" -> ForkSyscalls::waitid;
            default -> null;
        };
    }

    static long clone(SyscallContext c) throws Exception {
        int[] at = c.abi.cloneArgs();
        return fork(c, c.arg(at[0]), c.ptrArg(at[1]), c.ptrArg(at[2]), c.ptrArg(at[3]), c.ptrArg(at[4]));
    }

    static final long CLONE_PIDFD = 0x1000, CLONE_NEWMASK = 0x7e020000L, CLONE_INTO_CGROUP = 0x200000000L,
            CLONE_CLEAR_SIGHAND = 0x100000000L;

    /**
     * clone3(struct clone_args *, size): the same clones from a struct (flags, pidfd,
     * child_tid, parent_tid, exit_signal, stack, stack_size, tls, ...); the stack is its lowest
     * address and size. Pidfds, set_tid, namespaces and cgroups are not served: EINVAL.
     */
    static long clone3(SyscallContext c) throws Exception {
        long size = c.ptrArg(1);
        if (size < 64 || size > 4096) {
            return -Errno.EINVAL;
        }
        var g = c.structs.wrap(c.read(c.ptrArg(0), (int) size));
        long flags = g.getU64(0);
        long childTid = g.getU64(16);
        long parentTid = g.getU64(24);
        long exitSignal = g.getU64(32);
        long stack = g.getU64(40);
        long stackSize = g.getU64(48);
        long tls = g.getU64(56);
        for (int off = 64; off + 8 <= size; off += 8) {
            if (g.getU64(off) != 0) {
                return -Errno.EINVAL; // set_tid, cgroup, or a field newer than we know
            }
        }
        if ((flags & (CLONE_PIDFD | CLONE_NEWMASK | CLONE_INTO_CGROUP | CLONE_CLEAR_SIGHAND | 0xff)) != 0
                || exitSignal > 64 || (stack == 0) != (stackSize == 0)) {
            return -Errno.EINVAL;
        }
        return fork(c, flags | exitSignal, stack == 0 ? 0 : stack + stackSize, parentTid, tls, childTid);
    }

    static long fork(SyscallContext c, long flags, long newsp, long ptid, long tls, long ctid) throws Exception {
        if ((flags & CLONE_THREAD) != 0) {
            if ((flags & CLONE_VM) == 0 || (flags & CLONE_SIGHAND) == 0) {
                return -Errno.EINVAL;
            }
            return ThreadSyscalls.newThread(c, flags, newsp, ptid, tls, ctid);
        }
        if ((flags & CLONE_SIGHAND) != 0 && (flags & CLONE_VM) == 0) {
            return -Errno.EINVAL;
        }
        LinuxProcess parent = c.proc;
        Kernel k = c.kernel;
        // CLONE_VM (vfork, posix_spawn, clone without CLONE_THREAD): the child runs in the
        // parent's own memory and engine until it execs; otherwise a copy-on-write copy
        boolean shareVm = (flags & CLONE_VM) != 0;
        AddressSpace mem = shareVm ? parent.memory() : parent.memory().fork();
        Engine engine = shareVm ? parent.engine() : new Engine(parent.engine().isa(), parent.engine().config());
        if (!shareVm) {
            mem.setCodeInvalidator(engine.codeCache()::invalidate);
        }
        int pid = k.allocatePid();
        LinuxProcess child = new LinuxProcess(k, pid, (flags & CLONE_PARENT) != 0 ? parent.ppid() : parent.pid(),
                parent.abi());
        child.setImage(mem, engine);
        child.parent = (flags & CLONE_PARENT) != 0 ? parent.parent : parent;
        child.pgid = parent.pgid;
        child.sid = parent.sid;
        child.inheritFs(parent, (flags & CLONE_FS) != 0);
        child.exePath = parent.exePath;
        child.exeHost = parent.exeHost;
        child.argv = parent.argv;
        child.envp = parent.envp;
        for (int i = 0; i < parent.rlimits.length; i++) {
            child.rlimits[i] = parent.rlimits[i].clone();
        }
        if ((flags & CLONE_SIGHAND) != 0) {
            child.sigactions = parent.sigactions;
        } else {
            for (int i = 0; i < parent.sigactions.length; i++) {
                child.sigactions[i] = parent.sigactions[i] == null ? null : parent.sigactions[i].clone();
            }
        }
        child.setFds((flags & CLONE_FILES) != 0 ? parent.fds().share() : parent.fds().copy());

        CpuState cpu = c.thread.cpu.copy(mem);
        c.abi.setSyscallResult(cpu, 0);
        if (newsp != 0) {
            c.abi.setStackPointer(cpu, newsp);
        }
        if ((flags & CLONE_SETTLS) != 0) {
            c.abi.setThreadPointer(cpu, tls);
        }
        LinuxThread thread = new LinuxThread(child, pid, cpu);
        thread.sigmask = c.thread.sigmask;
        if ((flags & CLONE_CHILD_CLEARTID) != 0) {
            thread.clearChildTid = ctid;
        }
        if ((flags & CLONE_CHILD_SETTID) != 0 && ctid != 0) {
            try {
                mem.write(ctid, c.structs.buffer(4).u32(0, pid).bytes(), 0, 4);
            } catch (RuntimeException e) {
                // the child finds out when it looks
            }
        }
        if ((flags & CLONE_PARENT_SETTID) != 0 && ptid != 0) {
            c.writeU32(ptid, pid);
        }
        k.register(child);
        if (child.parent != null) {
            child.parent.children.add(child);
        }
        Thread t = new Thread(null, thread::run, "guest-" + pid, THREAD_STACK);
        t.setDaemon(true);
        t.start();
        if ((flags & CLONE_VFORK) != 0) {
            // the parent sleeps until the child execs or ends; signals wait until then (Linux's
            // vfork wait is killable only, and a kill ends the whole process anyway)
            try {
                while (!child.vforkRelease.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (c.thread.stopping() || c.proc.exited()) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return pid;
    }

    static long wait4(SyscallContext c) throws Exception {
        int pid = c.intArg(0);
        long statusPtr = c.ptrArg(1);
        int options = c.intArg(2);
        long rusagePtr = c.ptrArg(3);
        if ((options & ~(WNOHANG | WUNTRACED | WCONTINUED | 0xe0000000)) != 0) {
            return -Errno.EINVAL;
        }
        if (pid == Integer.MIN_VALUE) {
            return -Errno.ESRCH; // -pid has no group to name
        }
        Waited w = reap(c, ChildSelector.ofWait4(pid, c.proc.pgid), options | WEXITED);
        if (w == null) {
            return 0; // WNOHANG and none ready
        }
        if (statusPtr != 0) {
            c.writeU32(statusPtr, w.status());
        }
        if (rusagePtr != 0) {
            c.write(rusagePtr, c.structs.rusage(0, 0, 0));
        }
        return w.child().pid();
    }

    static long waitid(SyscallContext c) throws Exception {
        int idtype = c.intArg(0);
        int id = c.intArg(1);
        long infop = c.ptrArg(2);
        int options = c.intArg(3);
        if ((options & (WEXITED | WSTOPPED | WCONTINUED)) == 0) {
            return -Errno.EINVAL;
        }
        if (idtype != P_ALL && idtype != P_PID && idtype != P_PGID
                || idtype == P_PID && id <= 0 || idtype == P_PGID && id < 0) {
            return -Errno.EINVAL;
        }
        // P_PGID with id 0 is the caller's group (Linux 5.4 on), as wait4's pid 0 is
        ChildSelector which = idtype == P_PID ? ChildSelector.pid(id)
                : idtype == P_PGID ? ChildSelector.group(id == 0 ? c.proc.pgid : id) : ChildSelector.ANY;
        Waited w = reap(c, which, options);
        if (infop != 0) {
            byte[] info = new byte[128];
            if (w != null) {
                var g = c.structs.wrap(info);
                g.u32(0, Signals.SIGCHLD).u32(8, w.code());
                int off = c.abi.wordBits() == 64 ? 16 : 12;
                g.u32(off, w.child().pid()).u32(off + 4, dev.emu.linux.fs.HostIds.UID).u32(off + 8, w.siStatus());
            }
            c.write(infop, info);
        }
        return 0;
    }

    /** What a wait reports: the child, its wait4 status, waitid's si_code and si_status. */
    record Waited(LinuxProcess child, int status, int code, int siStatus) {}

    /** Which children a wait is for: one pid, the members of one process group, or any. */
    record ChildSelector(int pid, int pgid) {
        static final ChildSelector ANY = new ChildSelector(0, 0);

        static ChildSelector pid(int pid) {
            return new ChildSelector(pid, 0);
        }

        static ChildSelector group(int pgid) {
            return new ChildSelector(0, pgid);
        }

        /** wait4's pid: &gt; 0 that child, -1 any, 0 the caller's group, &lt; -1 group -pid. */
        static ChildSelector ofWait4(int pid, int callerPgid) {
            return pid > 0 ? pid(pid) : pid == -1 ? ANY : group(pid == 0 ? callerPgid : -pid);
        }

        boolean selects(LinuxProcess ch) {
            return pid > 0 ? ch.pid() == pid : pgid <= 0 || ch.pgid == pgid;
        }
    }

    /**
     * The first child {@code which} selects with something to report that the
     * options ask for: an end (WEXITED), a stop (WUNTRACED/WSTOPPED, once), a continue
     * (WCONTINUED, once); waiting for one unless WNOHANG; null if WNOHANG and none is ready.
     * WNOWAIT leaves it to report again. ECHILD when there is no such child.
     */
    static Waited reap(SyscallContext c, ChildSelector which, int options) throws InterruptedException {
        LinuxProcess me = c.proc;
        Kernel k = c.kernel;
        boolean keep = (options & WNOWAIT) != 0;
        synchronized (k.childLock) {
            while (true) {
                boolean any = false;
                for (LinuxProcess ch : me.children) {
                    if (!which.selects(ch)) {
                        continue;
                    }
                    any = true;
                    if (ch.terminated) {
                        if ((options & WEXITED) == 0) {
                            continue;
                        }
                        if (!keep) {
                            me.children.remove(ch);
                            k.unregister(ch);
                        }
                        boolean killed = (ch.waitStatus & 0x7f) != 0;
                        return new Waited(ch, ch.waitStatus, killed ? SigInfo.CLD_KILLED : SigInfo.CLD_EXITED,
                                killed ? ch.waitStatus & 0x7f : ch.waitStatus >> 8);
                    }
                    if ((options & WSTOPPED) != 0 && ch.stopped && ch.stopReport) {
                        if (!keep) {
                            ch.stopReport = false;
                        }
                        return new Waited(ch, 0x7f | ch.stopSignal << 8, SigInfo.CLD_STOPPED, ch.stopSignal);
                    }
                    if ((options & WCONTINUED) != 0 && ch.continueReport) {
                        if (!keep) {
                            ch.continueReport = false;
                        }
                        return new Waited(ch, 0xffff, SigInfo.CLD_CONTINUED, Signals.SIGCONT);
                    }
                }
                if (!any) {
                    throw new SyscallError(Errno.ECHILD);
                }
                if ((options & WNOHANG) != 0) {
                    return null;
                }
                if (c.thread.interrupted()) {
                    throw new SyscallError(Errno.EINTR);
                }
                c.thread.sleepOn(k.childLock, 1000);
            }
        }
    }
}

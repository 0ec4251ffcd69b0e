package dev.emu.linux.sys;

import dev.emu.core.cpu.CpuState;
import dev.emu.linux.Errno;
import dev.emu.linux.LinuxThread;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallError;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.fs.FdTable;
import dev.emu.linux.fs.FileStat;
import dev.emu.linux.fs.HostStat;
import dev.emu.linux.fs.Vfs;
import dev.emu.linux.loader.LaunchException;
import dev.emu.linux.loader.Launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * execve and execveat: the new program replaces the process's image in place (same pid,
 * same fds minus the close-on-exec ones, handled signals back to default, other threads
 * ended). A program for another core (an arm64 shell running an armhf program) continues
 * the thread on that core with its own ABI.
 */
public final class ExecSyscalls {
    static final int MAX_ARGS = 1 << 16;
    static final int MAX_ARG_STRLEN = 128 * 1024;

    private ExecSyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "execve" -> c -> execve(c, Vfs.AT_FDCWD, c.path(0), c.ptrArg(1), c.ptrArg(2), 0);
            case "execveat" -> c -> execve(c, c.intArg(0), c.path(1), c.ptrArg(2), c.ptrArg(3), c.intArg(4));
            default -> null;
        };
    }

    static long execve(SyscallContext c, int dirfd, String path, long argvPtr, long envpPtr, int flags)
            throws Exception {
        List<String> argv = strings(c, argvPtr);
        List<String> envp = strings(c, envpPtr);
        Path host = hostProgram(c, dirfd, path);
        FileStat st = HostStat.of(host, true);
        if (st.isDirectory() || st.type() != FileStat.S_IFREG || !Files.isExecutable(host)) {
            return -Errno.EACCES;
        }
        Launcher.ProgramImage image;
        try {
            image = Launcher.load(c.kernel, host, path, argv, envp, null, 0);
        } catch (LaunchException e) {
            return e.exitStatus() == Launcher.NOT_FOUND ? -Errno.ENOENT : -Errno.ENOEXEC;
        }
        // the point of no return; strace can no longer read the arguments from guest memory
        c.outValue = new Object[] {path, argv, envp.size()};
        Launcher.install(c.proc, image);
        if (c.proc.fds().shared()) {
            // a table shared through CLONE_FILES becomes this process's own, as Linux unshares it
            FdTable own = c.proc.fds().copy();
            c.proc.fds().closeAll();
            c.proc.setFds(own);
        }
        c.proc.fds().closeOnExec();
        // actions shared through CLONE_SIGHAND become this process's own too
        c.proc.sigactions = c.proc.sigactions.clone();
        for (int sig = 1; sig < c.proc.sigactions.length; sig++) {
            long[] act = c.proc.sigactions[sig];
            if (act != null && act[0] != SignalSyscalls.SIG_IGN) {
                c.proc.sigactions[sig] = null;
            }
        }
        c.thread.altStack = new long[] {0, 2, 0};
        // the other threads end, as Linux's execve ends them
        for (LinuxThread other : c.proc.threads()) {
            if (other != c.thread) {
                other.requestStop();
            }
        }
        // fresh registers in the core's reset state, the core's own when it is another one
        CpuState cpu = image.isa().newCpu(image.mem());
        c.thread.replaceCpu(cpu);
        image.abi().initRegisters(cpu, image.loaded().sp(), image.loaded().entry());
        c.thread.execPending = true;
        c.proc.vforkRelease.countDown();
        return 0;
    }

    /** The host file a guest path names; a /proc link (/proc/self/exe) is followed. */
    static Path hostProgram(SyscallContext c, int dirfd, String path) {
        Vfs vfs = c.kernel.vfs();
        Vfs.Resolved r = vfs.resolve(c.proc, dirfd, path);
        for (int i = 0; r.special() != null; i++) {
            String target = r.special().readlink();
            if (target == null || i > 8) {
                throw new SyscallError(Errno.EACCES);
            }
            r = vfs.resolve(c.proc, Vfs.AT_FDCWD, target.startsWith("/") ? target
                    : r.guestPath().substring(0, r.guestPath().lastIndexOf('/') + 1) + target);
        }
        return r.host();
    }

    /** A NULL-terminated array of string pointers (argv, envp); NULL itself is an empty list. */
    static List<String> strings(SyscallContext c, long ptr) {
        List<String> out = new ArrayList<>();
        if (ptr == 0) {
            return out;
        }
        int word = c.structs.wordSize();
        for (long p = ptr; ; p += word) {
            long s = c.readWord(p);
            if (s == 0) {
                return out;
            }
            if (out.size() >= MAX_ARGS) {
                throw new SyscallError(Errno.E2BIG);
            }
            out.add(c.cString(s, MAX_ARG_STRLEN));
        }
    }
}

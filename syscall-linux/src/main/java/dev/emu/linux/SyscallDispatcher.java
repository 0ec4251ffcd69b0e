package dev.emu.linux;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.mem.GuestFault;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.sys.SignalSyscalls;

import java.io.IOException;

/**
 * Turns a SYSCALL trap into a call: reads the number and arguments through the ABI, runs
 * the implementation registered under the syscall's name, stores the result, and writes the
 * strace line. Nothing a syscall does may take the emulator down: errors become -errno.
 */
public final class SyscallDispatcher {
    private final Kernel kernel;
    private final LinuxAbi abi;
    private final SyscallHandlers byName;
    /** By number, bound on first use: null until then, {@link #UNSUPPORTED} for a number without a handler. */
    private final SyscallHandler[] handlers;
    private final Strace strace;

    public SyscallDispatcher(Kernel kernel, LinuxAbi abi) {
        this.kernel = kernel;
        this.abi = abi;
        this.byName = new SyscallHandlers();
        abi.registerSyscalls(byName);
        handlers = new SyscallHandler[abi.syscalls().size()];
        this.strace = new Strace(abi);
        restartable = new boolean[handlers.length];
        for (int n = 0; n < handlers.length; n++) {
            String name = abi.syscalls().name(n);
            restartable[n] = name != null && !NEVER_RESTARTED.contains(name);
        }
    }

    /**
     * Calls a handler interrupts with EINTR even under SA_RESTART, as Linux does (signal(7)):
     * sleeps, polls, and the waits for signals themselves.
     */
    private static final java.util.Set<String> NEVER_RESTARTED = java.util.Set.of("nanosleep", "clock_nanosleep",
            "clock_nanosleep_time64", "poll", "ppoll", "ppoll_time64", "select", "_newselect", "pselect6",
            "pselect6_time64", "pause", "rt_sigsuspend", "sigsuspend", "rt_sigtimedwait", "rt_sigtimedwait_time64",
            "epoll_wait", "epoll_pwait", "epoll_pwait2");
    private final boolean[] restartable;

    /** Every syscall name with an implementation for this ABI. */
    public int implementedCount() {
        int n = 0;
        for (int nr = 0; nr < handlers.length; nr++) {
            if (handler(nr) != UNSUPPORTED) {
                n++;
            }
        }
        return n;
    }

    /** Handles the syscall the thread trapped with; false when the thread must stop (exit). */
    public boolean dispatch(LinuxThread t) {
        CpuState cpu = t.cpu;
        SyscallContext c = t.context();
        int nr = abi.syscallNumber(cpu);
        c.number = nr;
        c.outData = null;
        c.outValue = null;
        for (int i = 0; i < 6; i++) {
            c.args[i] = abi.syscallArg(cpu, i);
        }
        long result = invoke(c, nr);
        if (result == -Errno.EPIPE && isWrite(nr)) {
            SignalSyscalls.raisePipe(c);
        }
        boolean stopping = t.stopping() || t.process().exited();
        if (kernel.options().strace) {
            kernel.diag(strace.format(c, nr, result, stopping));
        }
        if (stopping) {
            return false;
        }
        if (t.execPending) {
            // registers already hold the new program's start; leave this engine's loop
            t.execPending = false;
            return false;
        }
        if (t.skipResult) {
            t.skipResult = false; // rt_sigreturn restored every register
        } else if (result == -Errno.EINTR && t.suspendedMask == null && nr >= 0 && nr < restartable.length && restartable[nr]
                && t.nextSignalRestarts()
                && abi.restartSyscall(cpu, c.args[0])) {
            // SA_RESTART: the handler runs, then the syscall again
        } else {
            long out = Errno.isError(result) ? -abi.errno((int) -result) : result;
            abi.setSyscallResult(cpu, out);
        }
        if (t.process().stopped && !t.parkWhileStopped()) {
            return false;
        }
        if (t.hasDeliverable()) {
            return t.deliverSignals() && !t.stopping();
        }
        return true;
    }

    private boolean isWrite(int nr) {
        String name = abi.syscalls().name(nr);
        return name != null && (name.startsWith("write") || name.startsWith("pwrite") || name.equals("sendfile"));
    }

    /** Marks a number bound to no handler (an object of its own: no lambda class to spin). */
    private static final SyscallHandler UNSUPPORTED = new Unsupported();

    private static final class Unsupported implements SyscallHandler {
        @Override
        public long call(SyscallContext c) {
            return -Errno.ENOSYS;
        }
    }

    /**
     * The handler of number {@code nr}, looked up by name the first time. Threads that race
     * here bind the same handler; a reference store is atomic and handlers are immutable.
     */
    private SyscallHandler handler(int nr) {
        SyscallHandler h = handlers[nr];
        if (h == null) {
            String name = abi.syscalls().name(nr);
            h = name == null ? null : byName.get(name);
            if (h == null) {
                h = UNSUPPORTED;
            }
            handlers[nr] = h;
        }
        return h;
    }

    long invoke(SyscallContext c, int nr) {
        SyscallHandler h = nr >= 0 && nr < handlers.length ? handler(nr) : UNSUPPORTED;
        if (h == UNSUPPORTED) {
            String name = abi.syscalls().name(nr);
            kernel.warnOnce("syscall:" + nr, "unsupported syscall " + nr + " (" + (name == null ? "unknown" : name)
                    + "), returning ENOSYS");
            return -Errno.ENOSYS;
        }
        try {
            return h.call(c);
        } catch (SyscallError e) {
            return -e.errno;
        } catch (GuestFault f) {
            return -Errno.EFAULT;
        } catch (IOException e) {
            return -Errno.of(e);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            String name = abi.syscalls().name(nr);
            kernel.warnOnce("crash:" + nr + ":" + e.getClass().getName(), "internal error in syscall " + name + ": "
                    + e + ", returning EIO" + (kernel.options().debug ? "" : " (--debug shows the stack trace)"));
            if (kernel.options().debug) {
                e.printStackTrace(kernel.options().diagnostics);
            }
            return -Errno.EIO;
        }
    }
}

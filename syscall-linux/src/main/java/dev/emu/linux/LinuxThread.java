package dev.emu.linux;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.ExitHandler;
import dev.emu.core.engine.RunLimits;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.GuestFault;

/**
 * One guest thread: its registers and the per-thread kernel state (tid, signal mask,
 * alternate stack, clear_child_tid). {@link #run} drives the process's engine on the calling
 * Java thread until the thread or its process exits.
 */
public final class LinuxThread implements ExitHandler {
    private final LinuxProcess process;
    private final int tid;
    public final CpuState cpu;
    /** Blocked signals (rt_sigprocmask), bit n-1 for signal n. */
    public long sigmask;
    /** sigaltstack: {sp, flags, size}. */
    public long[] altStack = {0, 2 /* SS_DISABLE */, 0};
    public long clearChildTid;
    /** Set by execve: the engine must stop so the thread restarts on the new image's engine. */
    public boolean execPending;
    public long robustList;
    public long robustListLen;
    private volatile boolean stop;
    private final SyscallDispatcher dispatcher;
    private SyscallContext context;

    public LinuxThread(LinuxProcess process, int tid, CpuState cpu) {
        this.process = process;
        this.tid = tid;
        this.cpu = cpu;
        cpu.osThread = this;
        this.dispatcher = process.kernel().dispatcher(process.abi());
        process.threads().add(this);
    }

    public LinuxProcess process() {
        return process;
    }

    public int tid() {
        return tid;
    }

    /** The reusable argument block for this thread's syscalls. */
    public SyscallContext context() {
        if (context == null) {
            context = new SyscallContext(this);
        }
        return context;
    }

    /** Exit status when the emulator itself fails under a guest (a bug in a core, say). */
    public static final int INTERNAL_ERROR_STATUS = 125;

    /** Runs until the process exits; returns its exit status. */
    public int run() {
        try {
            while (!stop && !process.exited()) {
                process.engine().run(cpu, RunLimits.NONE, this);
            }
        } catch (RuntimeException | StackOverflowError e) {
            Kernel k = process.kernel();
            k.diag("emu: internal error at guest pc 0x" + Long.toHexString(cpu.pc()) + ": " + e
                    + (k.options().debug ? "" : " (--debug shows where)"));
            if (k.options().debug) {
                e.printStackTrace(k.options().diagnostics);
            }
            process.exit(INTERNAL_ERROR_STATUS);
        } finally {
            clearChildTid();
            process.threadFinished(this);
        }
        Integer st = process.exitStatus;
        return st == null ? 0 : st;
    }

    /** Runs this (main) thread, then waits for the process's other threads; returns its exit status. */
    public int runProcess() {
        run();
        return process.awaitTermination();
    }

    /** CLONE_CHILD_CLEARTID: a thread that ends zeroes its tid word and wakes a joiner. */
    private void clearChildTid() {
        long a = clearChildTid;
        if (a == 0 || process.threads().size() <= 1 || process.memory() == null) {
            return;
        }
        try {
            process.memory().write(a, new byte[4], 0, 4);
            process.kernel().futexes.wake(process.memory(), a, 1, -1);
        } catch (RuntimeException e) {
            // the word was unmapped: nothing to tell
        }
    }

    /** Makes {@link #run} return at the next block boundary. */
    public void requestStop() {
        stop = true;
        cpu.interruptRequested = true;
    }

    public boolean stopping() {
        return stop;
    }

    @Override
    public boolean onTrap(CpuState c, TrapKind kind, long detail) {
        switch (kind) {
            case SYSCALL:
                return dispatcher.dispatch(this) && !stop;
            case ILLEGAL_INSTRUCTION:
                return kill(Signals.SIGILL, "illegal instruction 0x" + Long.toHexString(detail));
            case BREAKPOINT:
            case TRAP_INSTRUCTION:
                return kill(Signals.SIGTRAP, "trap #" + detail);
            case DIVIDE_ERROR:
                return kill(Signals.SIGFPE, "integer divide by zero");
            case PRIVILEGED:
                return kill(Signals.SIGSEGV, "privileged instruction");
            case HALT:
            default:
                // an embedder's stop request has no meaning for a Linux process
                return kill(Signals.SIGTRAP, "unexpected " + kind + " trap");
        }
    }

    @Override
    public boolean onFault(CpuState c, GuestFault fault) {
        int sig = fault.reason() == GuestFault.Reason.UNMAPPED || fault.reason() == GuestFault.Reason.PROTECTION
                ? Signals.SIGSEGV : Signals.SIGBUS;
        return kill(sig, fault.getMessage());
    }

    @Override
    public boolean onInterrupt(CpuState c) {
        return !stop && !process.exited();
    }

    /**
     * The default action of a fatal signal, as long as guest handlers are not delivered:
     * terminate the process with status 128+signo and say why on stderr.
     */
    boolean kill(int sig, String what) {
        process.kernel().diag("emu: guest killed by " + Signals.name(sig) + " at pc 0x" + Long.toHexString(cpu.pc())
                + ": " + what);
        process.killBy(sig);
        return false;
    }
}

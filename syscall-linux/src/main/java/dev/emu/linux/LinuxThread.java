package dev.emu.linux;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.ExitHandler;
import dev.emu.core.engine.RunLimits;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.GuestFault;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.abi.SigInfo;
import dev.emu.linux.sys.SignalSyscalls;

/**
 * One guest thread: its registers and the per-thread kernel state (tid, signal mask,
 * alternate stack, clear_child_tid). {@link #run} drives the process's engine on the calling
 * Java thread until the thread or its process exits.
 */
public final class LinuxThread implements ExitHandler {
    private final LinuxProcess process;
    private final int tid;
    /** The registers; replaced when the thread execs a program for another core. */
    public volatile CpuState cpu;
    /** Blocked signals (rt_sigprocmask), bit n-1 for signal n. */
    public long sigmask;
    /** sigaltstack: {sp, flags, size}. */
    public long[] altStack = {0, 2 /* SS_DISABLE */, 0};
    public long clearChildTid;
    /** Set by execve: the engine must stop so the thread restarts on the new image's engine. */
    public boolean execPending;
    /** Set by rt_sigreturn: the registers are restored, the dispatcher must not store a result. */
    public boolean skipResult;
    /** rt_sigsuspend's mask to restore when the handler returns, or null. */
    public Long suspendedMask;
    private long pending;
    private final SigInfo[] pendingInfo = new SigInfo[65];
    public long robustList;
    public long robustListLen;
    private volatile boolean stop;
    private SyscallDispatcher dispatcher;
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

    /**
     * execve of a program for another core: the thread continues with that core's registers
     * and its ABI's syscalls (the process's ABI is already the new one).
     */
    public void replaceCpu(CpuState newCpu) {
        newCpu.osThread = this;
        boolean interrupt = cpu.interruptRequested;
        cpu = newCpu;
        newCpu.interruptRequested |= interrupt;
        dispatcher = process.kernel().dispatcher(process.abi());
        context = null;
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

    private static final ThreadLocal<LinuxThread> CURRENT = new ThreadLocal<>();

    /** The guest thread the calling Java thread runs, or null. */
    public static LinuxThread current() {
        return CURRENT.get();
    }

    /** Whether a blocking wait of the calling guest thread should end with EINTR. */
    public static boolean currentInterrupted() {
        LinuxThread t = CURRENT.get();
        return t != null && t.interrupted();
    }

    /** Whether a blocking wait of this thread should end: a signal to act on, or the thread or process ends. */
    public boolean interrupted() {
        return stop || process.exited() || hasDeliverable();
    }

    /** The monitor this thread sleeps on in a blocking syscall, so that a signal can wake it. */
    private volatile Object waitingOn;

    /**
     * A blocking syscall's sleep: {@code monitor.wait} for at most {@code millis}, cut short
     * by a signal sent to this thread ({@link #raise} notifies the monitor). The caller holds
     * the monitor and checks its condition and {@link #interrupted} around each call.
     */
    public void sleepOn(Object monitor, long millis) throws InterruptedException {
        waitingOn = monitor;
        try {
            if (!interrupted()) {
                monitor.wait(Math.max(1, millis));
            }
        } finally {
            waitingOn = null;
        }
    }

    /**
     * {@link #sleepOn} for the calling guest thread, or a plain wait when the caller is not a
     * guest thread (a test driving a pipe, say); EINTR when a signal or the process's end
     * interrupted it.
     */
    public static void sleepCurrent(Object monitor, long millis) {
        LinuxThread t = CURRENT.get();
        try {
            if (t == null) {
                monitor.wait(Math.max(1, millis));
                return;
            }
            if (t.interrupted()) {
                throw new SyscallError(Errno.EINTR);
            }
            t.sleepOn(monitor, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyscallError(Errno.EINTR);
        }
    }

    /** Wakes this thread from {@link #sleepOn}, if it sleeps. */
    void wake() {
        Object m = waitingOn;
        if (m != null) {
            synchronized (m) {
                m.notifyAll();
            }
        }
    }

    /** Runs until the process exits; returns its exit status. */
    public int run() {
        CURRENT.set(this);
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
            CURRENT.remove();
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
        wake();
    }

    public boolean stopping() {
        return stop;
    }

    // ---------------------------------------------------------------- signals
    /** Makes {@code info.signo()} pending on this thread; it is delivered at the next block boundary or syscall end. */
    public void raise(SigInfo info) {
        int sig = info.signo();
        if (sig == Signals.SIGKILL) {
            process.killBy(sig);
            return;
        }
        long bit = 1L << (sig - 1);
        if (sig == Signals.SIGCONT) {
            // when sent, SIGCONT resumes a stopped process and discards pending stop signals
            // (its handler, if any, then runs as for any signal)
            for (LinuxThread t : process.threads()) {
                t.discardPending(SignalSyscalls.STOP_SIGNALS);
            }
            process.continueProcess();
        } else if ((SignalSyscalls.STOP_SIGNALS & bit) != 0) {
            for (LinuxThread t : process.threads()) {
                t.discardPending(1L << (Signals.SIGCONT - 1));
            }
            long[] act = process.sigactions[sig];
            if ((act == null || act[0] == SignalSyscalls.SIG_DFL) && ((sigmask & ~SignalSyscalls.UNBLOCKABLE) & bit) == 0) {
                // the default action, stop, takes effect when sent: running threads park at
                // their next safe point, threads asleep in a blocking call stay asleep
                process.stopBy(sig);
                return;
            }
        }
        synchronized (pendingInfo) {
            // an ignored signal is discarded when it is sent, unless blocked (the action may change before it is unblocked)
            if ((sigmask & bit) == 0 && SignalSyscalls.isIgnored(process.sigactions[sig], sig)) {
                return;
            }
            if (sig >= SIGRTMIN) {
                // a real-time signal queues: each one sent is delivered, with its own siginfo
                if (rtQueue[sig - SIGRTMIN] == null) {
                    rtQueue[sig - SIGRTMIN] = new java.util.ArrayDeque<>();
                }
                rtQueue[sig - SIGRTMIN].add(info);
            } else if ((pending & bit) == 0) {
                pendingInfo[sig] = info; // a standard signal is pending once; the first one's siginfo stays
            }
            pending |= bit;
        }
        cpu.interruptRequested = true;
        wake();
    }

    /** The first real-time signal; 32..64 queue, the standard ones below coalesce. */
    public static final int SIGRTMIN = 32;
    /** Queued instances of each pending real-time signal, oldest first (guarded by pendingInfo). */
    @SuppressWarnings("unchecked")
    private final java.util.ArrayDeque<SigInfo>[] rtQueue = new java.util.ArrayDeque[65 - SIGRTMIN];

    /** Takes one instance of pending signal {@code sig}; it stays pending while more are queued. Holds pendingInfo. */
    private SigInfo dequeue(int sig) {
        SigInfo info;
        if (sig >= SIGRTMIN) {
            java.util.ArrayDeque<SigInfo> q = rtQueue[sig - SIGRTMIN];
            info = q == null ? null : q.poll();
            if (q == null || q.isEmpty()) {
                pending &= ~(1L << (sig - 1));
            }
        } else {
            info = pendingInfo[sig];
            pendingInfo[sig] = null;
            pending &= ~(1L << (sig - 1));
        }
        return info;
    }

    /** Drops pending signals of {@code set}. */
    void discardPending(long set) {
        synchronized (pendingInfo) {
            for (long m = pending & set; m != 0; m &= m - 1) {
                int sig = Long.numberOfTrailingZeros(m) + 1;
                pendingInfo[sig] = null;
                if (sig >= SIGRTMIN) {
                    rtQueue[sig - SIGRTMIN] = null;
                }
            }
            pending &= ~set;
        }
    }

    /**
     * Parks the calling thread while its process is stopped (a safe point: a block boundary,
     * the end of a syscall, a signal's delivery). Returns false when the thread or the process
     * must end (SIGKILL ends a stopped process).
     */
    public boolean parkWhileStopped() {
        if (process.stopped) {
            Object lock = process.stopLock;
            synchronized (lock) {
                waitingOn = lock;
                try {
                    while (process.stopped && !stop && !process.exited()) {
                        lock.wait(100);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    waitingOn = null;
                }
            }
        }
        return !stop && !process.exited();
    }

    /** Pending signals of this thread (blocked or not), bit n-1 for signal n. */
    public long pendingSignals() {
        synchronized (pendingInfo) {
            return pending;
        }
    }

    /**
     * Takes a pending signal out of {@code set} (rt_sigtimedwait), or returns null when none
     * is pending; the lowest number first, as Linux does.
     */
    public SigInfo takePending(long set) {
        synchronized (pendingInfo) {
            long ready = pending & set;
            if (ready == 0) {
                return null;
            }
            return dequeue(Long.numberOfTrailingZeros(ready) + 1);
        }
    }

    /** Whether the next signal to be delivered has a handler with SA_RESTART. */
    public boolean nextSignalRestarts() {
        synchronized (pendingInfo) {
            long ready = pending & ~(sigmask & ~SignalSyscalls.UNBLOCKABLE);
            if (ready == 0) {
                return false;
            }
            long[] act = process.sigactions[Long.numberOfTrailingZeros(ready) + 1];
            return act != null && act[0] > SignalSyscalls.SIG_IGN && (act[1] & SignalSyscalls.SA_RESTART) != 0;
        }
    }

    /** A pending signal that is not blocked. */
    public boolean hasDeliverable() {
        synchronized (pendingInfo) {
            return (pending & ~(sigmask & ~SignalSyscalls.UNBLOCKABLE)) != 0;
        }
    }

    /**
     * Acts on one deliverable pending signal: ignores it, applies its default action, or
     * pushes a frame that runs its handler. Returns false when that ended the process.
     */
    public boolean deliverSignals() {
        while (true) {
            int sig;
            SigInfo info;
            synchronized (pendingInfo) {
                long ready = pending & ~(sigmask & ~SignalSyscalls.UNBLOCKABLE);
                if (ready == 0) {
                    return true;
                }
                sig = Long.numberOfTrailingZeros(ready) + 1;
                info = dequeue(sig);
                if ((pending & ~sigmask) != 0) {
                    cpu.interruptRequested = true; // the next one after this handler starts
                }
            }
            long[] act = process.sigactions[sig];
            long handler = act == null ? SignalSyscalls.SIG_DFL : act[0];
            if (handler == SignalSyscalls.SIG_IGN) {
                continue;
            }
            if (handler == SignalSyscalls.SIG_DFL) {
                if ((SignalSyscalls.STOP_SIGNALS & (1L << (sig - 1))) != 0) {
                    process.stopBy(sig); // a stop signal that was blocked when sent
                    if (!parkWhileStopped()) {
                        return false;
                    }
                    continue;
                }
                if (SignalSyscalls.ignoredByDefault(sig)) {
                    continue;
                }
                process.killBy(sig);
                return false;
            }
            return runHandler(sig, info, act);
        }
    }

    private boolean runHandler(int sig, SigInfo info, long[] act) {
        LinuxAbi abi = process.abi();
        long flags = act[1];
        long restorer = (flags & SignalSyscalls.SA_RESTORER) != 0 ? act[2] : process.sigreturnTrampoline();
        long sp = abi.stackPointer(cpu);
        boolean onAlt = altStack[0] != 0 && sp - altStack[0] <= altStack[2] && sp > altStack[0];
        if ((flags & SignalSyscalls.SA_ONSTACK) != 0 && (altStack[1] & 2) == 0 && !onAlt) {
            sp = altStack[0] + altStack[2];
        }
        long savedMask = suspendedMask != null ? suspendedMask : sigmask;
        suspendedMask = null;
        boolean pushed;
        try {
            pushed = abi.pushSignalFrame(cpu, process.memory(), info, act[0], restorer, sp, savedMask, altStack);
        } catch (GuestFault f) {
            return kill(Signals.SIGSEGV, "cannot push the frame for " + Signals.name(sig) + ": " + f.getMessage());
        }
        if (!pushed) {
            process.kernel().warnOnce("no-frames", "delivering signals to handlers is not implemented for "
                    + abi.isaName() + "; " + Signals.name(sig) + " takes its default action");
            process.killBy(sig);
            return false;
        }
        sigmask |= act[3];
        if ((flags & SignalSyscalls.SA_NODEFER) == 0) {
            sigmask |= 1L << (sig - 1);
        }
        sigmask &= ~SignalSyscalls.UNBLOCKABLE;
        if ((flags & SignalSyscalls.SA_RESETHAND) != 0) {
            process.sigactions[sig] = null;
        }
        return true;
    }

    /** A synchronous signal (fault, trap): to its handler when there is one, else it kills with a message. */
    private boolean synchronousSignal(int sig, SigInfo info, String what) {
        long[] act = process.sigactions[sig];
        boolean blocked = (sigmask & (1L << (sig - 1))) != 0;
        if (act != null && act[0] != SignalSyscalls.SIG_DFL && act[0] != SignalSyscalls.SIG_IGN && !blocked) {
            raise(info);
            return deliverSignals() && !stop;
        }
        return kill(sig, what);
    }

    @Override
    public boolean onTrap(CpuState c, TrapKind kind, long detail) {
        long pc = c.pc();
        switch (kind) {
            case SYSCALL:
                return dispatcher.dispatch(this) && !stop;
            case ILLEGAL_INSTRUCTION:
                int code = process.abi().illegalInstructionCode();
                return synchronousSignal(Signals.SIGILL, SigInfo.fault(Signals.SIGILL, code, pc),
                        "illegal instruction 0x" + Long.toHexString(detail));
            case BREAKPOINT:
            case TRAP_INSTRUCTION:
                return synchronousSignal(Signals.SIGTRAP, SigInfo.fault(Signals.SIGTRAP, SigInfo.TRAP_BRKPT, pc),
                        "trap #" + detail);
            case DIVIDE_ERROR:
                return synchronousSignal(Signals.SIGFPE, SigInfo.fault(Signals.SIGFPE, SigInfo.FPE_INTDIV, pc),
                        "integer divide by zero");
            case PRIVILEGED:
                return synchronousSignal(Signals.SIGSEGV, SigInfo.fault(Signals.SIGSEGV, 0x80, 0),
                        "privileged instruction");
            case HALT:
            default:
                // an embedder's stop request has no meaning for a Linux process
                return kill(Signals.SIGTRAP, "unexpected " + kind + " trap");
        }
    }

    @Override
    public boolean onFault(CpuState c, GuestFault fault) {
        int sig;
        int code;
        switch (fault.reason()) {
            case UNMAPPED -> {
                sig = Signals.SIGSEGV;
                code = SigInfo.SEGV_MAPERR;
            }
            case PROTECTION -> {
                sig = Signals.SIGSEGV;
                code = SigInfo.SEGV_ACCERR;
            }
            case ALIGNMENT -> {
                sig = Signals.SIGBUS;
                code = SigInfo.BUS_ADRALN;
            }
            default -> {
                sig = Signals.SIGBUS;
                code = SigInfo.BUS_ADRERR;
            }
        }
        return synchronousSignal(sig, SigInfo.fault(sig, code, fault.address()), fault.getMessage());
    }

    @Override
    public boolean onInterrupt(CpuState c) {
        if (process.stopped && !parkWhileStopped()) {
            return false;
        }
        if (!stop && !process.exited() && hasDeliverable() && !deliverSignals()) {
            return false;
        }
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

package dev.emu.linux;

import dev.emu.core.engine.Engine;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.fs.FdTable;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One guest process: its memory and engine, fd table, working directory, credentials,
 * program break, resource limits and signal dispositions. Its threads each run on a Java
 * thread of their own.
 */
public final class LinuxProcess {
    public static final int RLIMIT_CPU = 0, RLIMIT_FSIZE = 1, RLIMIT_DATA = 2, RLIMIT_STACK = 3, RLIMIT_CORE = 4,
            RLIMIT_RSS = 5, RLIMIT_NPROC = 6, RLIMIT_NOFILE = 7, RLIMIT_MEMLOCK = 8, RLIMIT_AS = 9, RLIM_NLIMITS = 16;
    public static final long RLIM_INFINITY = -1;

    private final Kernel kernel;
    private final int pid;
    private int ppid;
    private volatile LinuxAbi abi;
    private AddressSpace memory;
    private Engine engine;
    private FdTable fds;
    private final List<LinuxThread> threads = new CopyOnWriteArrayList<>();

    /**
     * The working directory (an absolute, normalised guest path) and umask: one object shared
     * by the threads of a process and by processes cloned with CLONE_FS.
     */
    public static final class FsInfo {
        volatile String cwd;
        volatile int umask = 022;

        FsInfo copy() {
            FsInfo f = new FsInfo();
            f.cwd = cwd;
            f.umask = umask;
            return f;
        }
    }

    private volatile FsInfo fs = new FsInfo();

    public String cwd() {
        return fs.cwd;
    }

    public void setCwd(String cwd) {
        fs.cwd = cwd;
    }

    public int umask() {
        return fs.umask;
    }

    public void setUmask(int umask) {
        fs.umask = umask;
    }

    /** clone: with CLONE_FS the child shares the parent's cwd and umask, else it gets a copy. */
    public void inheritFs(LinuxProcess parent, boolean share) {
        fs = share ? parent.fs : parent.fs.copy();
    }
    /** Guest path of the running executable (/proc/self/exe) and the host file behind it. */
    public String exePath;
    public Path exeHost;
    public List<String> argv = List.of();
    public List<String> envp = List.of();
    /** {cur, max} per RLIMIT_*. */
    public final long[][] rlimits = new long[RLIM_NLIMITS][];
    /**
     * Dispositions recorded by rt_sigaction: {handler, flags, restorer, mask} per signal 1..64;
     * one array shared by processes cloned with CLONE_SIGHAND.
     */
    public long[][] sigactions = new long[65][];
    /** Process group and session ids. */
    public volatile int pgid;
    public volatile int sid;
    /** Exit status once the process has ended (0..255, or 128+signal as a shell shows it), else null. */
    public volatile Integer exitStatus;
    /** The status wait4 reports: (code << 8) for an exit, the signal number for a kill. */
    public volatile int waitStatus;
    /** All threads have finished and the fds are closed: a zombie until its parent reaps it. */
    public volatile boolean terminated;
    public volatile LinuxProcess parent;
    public final List<LinuxProcess> children = new CopyOnWriteArrayList<>();
    /** Counted down when a vfork child execs or ends, releasing its parent. */
    public final java.util.concurrent.CountDownLatch vforkRelease = new java.util.concurrent.CountDownLatch(1);
    public final long startNanos = System.nanoTime();

    public LinuxProcess(Kernel kernel, int pid, int ppid, LinuxAbi abi) {
        this.kernel = kernel;
        this.pid = pid;
        this.ppid = ppid;
        this.abi = abi;
        this.fds = new FdTable();
        this.pgid = pid;
        this.sid = pid;
        String dir = System.getProperty("user.dir");
        this.fs.cwd = kernel.vfs().guestPathOfHost(Path.of(dir));
        for (int i = 0; i < RLIM_NLIMITS; i++) {
            rlimits[i] = new long[] {RLIM_INFINITY, RLIM_INFINITY};
        }
        rlimits[RLIMIT_STACK] = new long[] {kernel.options().stackSize, RLIM_INFINITY};
        rlimits[RLIMIT_NOFILE] = new long[] {1024, 1024 * 1024};
        rlimits[RLIMIT_CORE] = new long[] {0, RLIM_INFINITY};
        rlimits[RLIMIT_NPROC] = new long[] {63_000, 63_000};
        rlimits[RLIMIT_MEMLOCK] = new long[] {8L << 20, 8L << 20};
    }

    public Kernel kernel() {
        return kernel;
    }

    public int pid() {
        return pid;
    }

    public int ppid() {
        return ppid;
    }

    public void setPpid(int ppid) {
        this.ppid = ppid;
    }

    public LinuxAbi abi() {
        return abi;
    }

    public AddressSpace memory() {
        return memory;
    }

    public Engine engine() {
        return engine;
    }

    /** Installs a fresh image's ABI (an exec of a program for another core). */
    public synchronized void setAbi(LinuxAbi abi) {
        this.abi = abi;
    }

    /** Installs a fresh image's memory and engine (exec). */
    public synchronized void setImage(AddressSpace memory, Engine engine) {
        this.memory = memory;
        this.engine = engine;
        this.trampoline = 0;
    }

    public FdTable fds() {
        return fds;
    }

    public void setFds(FdTable fds) {
        this.fds = fds;
    }

    public List<LinuxThread> threads() {
        return threads;
    }

    /** Records the exit status once; later calls keep the first. */
    public synchronized void exit(int status) {
        if (exitStatus == null) {
            exitStatus = status & 0xff;
            waitStatus = (status & 0xff) << 8;
        }
        for (LinuxThread t : threads) {
            t.requestStop();
        }
    }

    /** Ends the process by signal {@code sig} (its default action). */
    public synchronized void killBy(int sig) {
        if (exitStatus == null) {
            exitStatus = 128 + sig;
            waitStatus = sig;
        }
        for (LinuxThread t : threads) {
            t.requestStop();
        }
    }

    // ---------------------------------------------------------------- job control
    /** Stopped by a stop signal's default action: its threads park at their next safe point until SIGCONT. */
    public volatile boolean stopped;
    /** The signal that stopped it, for the wait status. */
    public volatile int stopSignal;
    /** A stop (or continue) the parent has not been told of through wait4/waitid yet. */
    public volatile boolean stopReport, continueReport;
    /** What parked threads wait on. */
    public final Object stopLock = new Object();

    /**
     * The default action of a stop signal: every thread parks at its next safe point (a
     * block boundary or the end of a syscall; one sleeping in a blocking call stays there),
     * the parent's wait4 with WUNTRACED reports it once and the parent gets SIGCHLD
     * (CLD_STOPPED) unless its SIGCHLD action has SA_NOCLDSTOP.
     */
    public void stopBy(int sig) {
        synchronized (kernel.childLock) {
            if (stopped || exitStatus != null) {
                return;
            }
            stopped = true;
            stopSignal = sig;
            stopReport = true;
            continueReport = false;
            for (LinuxThread t : threads) {
                t.cpu.interruptRequested = true;
            }
            // SIGCHLD is pending before the parent's wait can return, as for an end
            notifyParent(parent, dev.emu.linux.abi.SigInfo.CLD_STOPPED, sig);
            kernel.childLock.notifyAll();
        }
    }

    /** SIGCONT's effect when sent: a stopped process resumes, its parent may learn of it (WCONTINUED, CLD_CONTINUED). */
    public void continueProcess() {
        synchronized (kernel.childLock) {
            if (!stopped) {
                return;
            }
            stopped = false;
            stopReport = false;
            continueReport = true;
            notifyParent(parent, dev.emu.linux.abi.SigInfo.CLD_CONTINUED, Signals.SIGCONT);
            kernel.childLock.notifyAll();
        }
        synchronized (stopLock) {
            stopLock.notifyAll();
        }
    }

    private void notifyParent(LinuxProcess par, int code, int status) {
        if (par == null || par.terminated) {
            return;
        }
        long[] act = par.sigactions[Signals.SIGCHLD];
        if (act != null && (act[1] & dev.emu.linux.sys.SignalSyscalls.SA_NOCLDSTOP) != 0) {
            return;
        }
        par.signal(new dev.emu.linux.abi.SigInfo(Signals.SIGCHLD, code, pid, dev.emu.linux.fs.HostIds.UID, 0, status));
    }

    /** Address of the signal-return trampoline in this image (0: not mapped yet). */
    private long trampoline;

    /** Where a handler without SA_RESTORER returns to: a page holding the ABI's rt_sigreturn call, mapped on first use. */
    public synchronized long sigreturnTrampoline() {
        if (trampoline == 0) {
            byte[] code = abi.sigreturnTrampoline();
            if (code == null) {
                return 0;
            }
            long a = memory.mmap(0, AddressSpace.PAGE_SIZE, dev.emu.core.mem.Prot.RX,
                    dev.emu.core.mem.MapFlags.PRIVATE | dev.emu.core.mem.MapFlags.ANONYMOUS, null, 0);
            if (dev.emu.core.mem.Errno.isError(a)) {
                return 0;
            }
            memory.poke(a, code, 0, code.length);
            memory.setName(a, AddressSpace.PAGE_SIZE, "[vdso]");
            trampoline = a;
        }
        return trampoline;
    }

    /** The first thread still running. */
    public LinuxThread mainThread() {
        try {
            return threads.isEmpty() ? null : threads.get(0);
        } catch (IndexOutOfBoundsException e) {
            return null; // the last thread ended meanwhile
        }
    }

    /**
     * A process-directed signal (kill, a timer, a child's end, the terminal): pending on the
     * first thread that does not block it, else on the first thread, as Linux picks one.
     * Returns false when the process has no thread left to take it.
     */
    public boolean signal(dev.emu.linux.abi.SigInfo info) {
        long bit = 1L << (info.signo() - 1);
        LinuxThread target = null;
        for (LinuxThread t : threads) {
            if (target == null) {
                target = t;
            }
            if ((t.sigmask & bit) == 0) {
                target = t;
                break;
            }
        }
        if (target == null) {
            return false;
        }
        target.raise(info);
        return true;
    }

    /** Blocks until every thread has finished; returns the exit status (128+N for signal N). */
    public int awaitTermination() {
        synchronized (kernel.childLock) {
            while (!terminated) {
                try {
                    kernel.childLock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        Integer st = exitStatus;
        return st == null ? 0 : st;
    }

    /** Called as each thread finishes; the last one makes the process a zombie and tells its parent. */
    void threadFinished(LinuxThread t) {
        threads.remove(t);
        if (!threads.isEmpty()) {
            return;
        }
        if (exitStatus == null) {
            exit(0);
        }
        fds.closeAll();
        vforkRelease.countDown();
        kernel.processEnded(this);
    }

    public boolean exited() {
        return exitStatus != null;
    }
}

package dev.emu.linux;

import dev.emu.core.api.CompilerChoice;
import dev.emu.core.engine.BlockCode;
import dev.emu.core.ir.Block;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.abi.SigInfo;
import dev.emu.linux.fs.HostIds;
import dev.emu.linux.fs.OpenFile;
import dev.emu.linux.fs.StdStream;
import dev.emu.linux.fs.Vfs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The emulated Linux kernel: one per emulator. Holds the process table, the file system
 * view and the options every process shares; syscalls reach it through a
 * {@link SyscallDispatcher} per architecture.
 */
public final class Kernel {
    /** What the command line (or an embedder) sets. */
    public static final class Options {
        /** Guest root (-L): absolute guest paths resolve under it first, then on the host. */
        public Path root;
        /** -strace: one line per syscall on {@link #diagnostics}. */
        public boolean strace;
        /** Full Java stack traces for emulator errors. */
        public boolean debug;
        /** Guest stack size (-s). */
        public long stackSize = 8L << 20;
        /** Where the emulator's own messages go (and strace). */
        public PrintStream diagnostics = System.err;
        /** The guest's fds 0, 1, 2. */
        public Supplier<List<OpenFile>> stdio = () -> List.of(StdStream.stdin(), StdStream.stdout(), StdStream.stderr());
        /** Tier-1 compiler for new engines (the JIT unless -Demu.jit=false), or null to interpret. */
        public Function<Block, BlockCode> compiler = CompilerChoice.defaultCompiler();
        /** Compile every block before its first run (tests of the compiled tier; needs {@link #compiler}). */
        public boolean compileImmediately;
        /** The -d block trace, or null. */
        public Consumer<Block> onTranslate;
        /** Seed for AT_RANDOM and getrandom in tests (null: secure random). */
        public Long randomSeed;
        /**
         * -cpu naming a CPU model rather than a core (qemu's names: arm926, cortex-a15...), or
         * null: the ABI may show it (arm32: uname -m, AT_PLATFORM, hwcaps, /proc/cpuinfo).
         */
        public String cpuModel;
    }

    private final Options options;
    private final Vfs vfs;
    private final Map<Integer, LinuxProcess> processes = new ConcurrentHashMap<>();
    private final AtomicInteger nextPid;
    private final Set<String> reportedUnsupported = ConcurrentHashMap.newKeySet();
    private final Map<String, SyscallDispatcher> dispatchers = new ConcurrentHashMap<>();
    private final long bootNanos = System.nanoTime();

    public Kernel(Options options) {
        this.options = options;
        this.vfs = new Vfs(this, options.root);
        this.nextPid = new AtomicInteger(hostPid());
    }

    /**
     * The JVM's pid: the target of /proc/self on Linux (ProcessHandle's set-up costs several
     * milliseconds at start-up), else ProcessHandle's.
     */
    static int hostPid() {
        try {
            return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (IOException | RuntimeException e) {
            return (int) ProcessHandle.current().pid();
        }
    }

    public Options options() {
        return options;
    }

    public Vfs vfs() {
        return vfs;
    }

    public int allocatePid() {
        return nextPid.getAndIncrement();
    }

    public void register(LinuxProcess p) {
        processes.put(p.pid(), p);
        synchronized (childLock) {
            if (firstProcess == null) {
                firstProcess = p;
                if (foregroundGroup == 0) {
                    foregroundGroup = p.pgid;
                }
            }
        }
    }

    public void unregister(LinuxProcess p) {
        processes.remove(p.pid());
    }

    public LinuxProcess process(int pid) {
        return processes.get(pid);
    }

    public java.util.Collection<LinuxProcess> processes() {
        return processes.values();
    }

    public SyscallDispatcher dispatcher(LinuxAbi abi) {
        return dispatchers.computeIfAbsent(abi.isaName(), n -> new SyscallDispatcher(this, abi));
    }

    /** Futex wait queues of every process. */
    public final dev.emu.linux.sys.Futexes futexes = new dev.emu.linux.sys.Futexes();

    /** Guards process ends and wait4: waiters block on it, ends notify it. */
    public final Object childLock = new Object();

    /**
     * A process has ended: its parent may reap it (an orphan is reaped at once), its running
     * children are handed to the first process, and the parent gets SIGCHLD.
     */
    void processEnded(LinuxProcess p) {
        LinuxProcess init = firstProcess;
        synchronized (childLock) {
            p.terminated = true;
            LinuxProcess parent = p.parent;
            if (parent == null || parent.terminated) {
                processes.remove(p.pid());
                parent = null;
            }
            for (LinuxProcess child : p.children) {
                p.children.remove(child);
                if (child.terminated || init == null || init == p || init.terminated) {
                    child.parent = null;
                    if (child.terminated) {
                        processes.remove(child.pid());
                    }
                } else {
                    child.parent = init;
                    child.setPpid(init.pid());
                    init.children.add(child);
                }
            }
            if (parent != null) {
                // pending before the parent's wait can return, so its handler sees a reapable child
                boolean killed = (p.waitStatus & 0x7f) != 0;
                parent.signal(new SigInfo(Signals.SIGCHLD, killed ? SigInfo.CLD_KILLED : SigInfo.CLD_EXITED, p.pid(),
                        HostIds.UID, 0, killed ? p.waitStatus & 0x7f : p.waitStatus >> 8));
            }
            childLock.notifyAll();
        }
    }

    /** The process emu.jar started (children whose parent ends are handed to it), or null before it starts. */
    public LinuxProcess firstProcess() {
        return firstProcess;
    }

    private volatile LinuxProcess firstProcess;

    /** The terminal's foreground process group (tcsetpgrp), 0 until a process sets one or starts. */
    public volatile int foregroundGroup;

    /** Processes of group {@code pgid}. */
    public java.util.List<LinuxProcess> group(int pgid) {
        java.util.List<LinuxProcess> out = new java.util.ArrayList<>();
        for (LinuxProcess p : processes.values()) {
            if (p.pgid == pgid && !p.terminated) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Ends every process still running (the first process has ended and the emulator with
     * it): their threads stop at the next block boundary or blocking call.
     */
    public void shutdown() {
        for (LinuxProcess p : processes.values()) {
            if (!p.terminated) {
                p.killBy(Signals.SIGKILL);
            }
        }
    }

    /** Nanoseconds since the emulator started (our "boot"). */
    public long uptimeNanos() {
        return System.nanoTime() - bootNanos;
    }

    /** Prints a one-line message once per key. */
    public void warnOnce(String key, String message) {
        if (reportedUnsupported.add(key)) {
            diag("emu: " + message);
        }
    }

    public void diag(String line) {
        synchronized (options.diagnostics) {
            options.diagnostics.println(line);
            options.diagnostics.flush();
        }
    }
}

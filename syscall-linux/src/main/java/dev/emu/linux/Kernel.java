package dev.emu.linux;

import dev.emu.core.api.CompilerChoice;
import dev.emu.core.engine.BlockCode;
import dev.emu.core.ir.Block;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.fs.OpenFile;
import dev.emu.linux.fs.StdStream;
import dev.emu.linux.fs.Vfs;

import java.io.PrintStream;
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
        int hostPid = (int) ProcessHandle.current().pid();
        this.nextPid = new AtomicInteger(hostPid);
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

    /** A process has ended: its parent may reap it (orphans are reaped at once). */
    void processEnded(LinuxProcess p) {
        synchronized (childLock) {
            p.terminated = true;
            LinuxProcess parent = p.parent;
            if (parent == null || parent.terminated) {
                processes.remove(p.pid());
            } else {
                long[] act = parent.sigactions[Signals.SIGCHLD];
                LinuxThread t = parent.mainThread();
                if (act != null && act[0] > 1 && t != null) {
                    t.raise(new dev.emu.linux.abi.SigInfo(Signals.SIGCHLD, (p.waitStatus & 0x7f) == 0 ? 1 : 2,
                            p.pid(), dev.emu.linux.fs.HostIds.UID, 0));
                }
            }
            childLock.notifyAll();
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

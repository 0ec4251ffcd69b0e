package dev.emu.cli;

import dev.emu.core.api.CompilerChoice;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.Insn;
import dev.emu.core.ir.Op;
import dev.emu.core.isa.Isa;
import dev.emu.linux.Kernel;
import dev.emu.linux.LinuxThread;
import dev.emu.linux.loader.LaunchException;
import dev.emu.linux.loader.Launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code java -jar emu.jar [options] PROGRAM [ARGS...]}: runs a foreign Linux ELF program. */
public final class Main {
    public static final String VERSION = "emu 0.1.0";

    private Main() {}

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.err.flush();
        // guest threads may still be parked in host I/O; the guest's exit ends the JVM
        Runtime.getRuntime().halt(status);
    }

    /** Everything but the JVM exit, for tests: returns the exit status. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args, env);
        } catch (Options.UsageException e) {
            err.println("emu: " + e.getMessage());
            return 1;
        }
        if (o.help) {
            out.print(Options.USAGE);
            return 0;
        }
        if (o.version) {
            out.println(VERSION + " (Java " + Runtime.version() + "; cores: "
                    + Isa.all().stream().map(Isa::name).toList() + ")");
            return 0;
        }
        try {
            return launch(o, env, err);
        } catch (LaunchException e) {
            err.println("emu: " + e.getMessage());
            return e.exitStatus();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println("emu: internal error: " + e + (o.debug ? "" : " (--debug shows where)"));
            if (o.debug) {
                e.printStackTrace(err);
            }
            return 125;
        }
    }

    static int launch(Options o, Map<String, String> env, PrintStream err) throws LaunchException {
        Kernel.Options ko = new Kernel.Options();
        ko.root = o.root;
        ko.strace = o.strace;
        ko.debug = o.debug;
        ko.stackSize = o.stackSize;
        ko.diagnostics = err;
        ko.compiler = o.interpretOnly ? null : CompilerChoice.defaultCompiler();
        Kernel kernel = new Kernel(ko);
        Path exe = programPath(o);
        String cpu = null;
        if (o.cpu != null) {
            boolean isCore = Isa.all().stream().anyMatch(i -> i.name().equals(o.cpu));
            if (isCore) {
                cpu = o.cpu;
            } else {
                ko.cpuModel = o.cpu; // a CPU model: the ABI shows it or warns that it ignores it
            }
        }
        if (o.traceBlocks) {
            ko.onTranslate = blockTracer(err);
        }
        List<String> argv = new ArrayList<>();
        argv.add(o.argv0 != null ? o.argv0 : o.program);
        argv.addAll(o.args);
        LinuxThread main = Launcher.start(kernel, exe, argv, o.guestEnvironment(env), cpu);
        if (o.traceBlocks) {
            tracerIsa = main.process().engine().isa();
            tracerMem = main.process().memory();
        }
        HostSignals.forward(kernel);
        int status = main.runProcess();
        kernel.shutdown(); // children still running end with the first process, as under a container's init
        return status;
    }

    /** The program as the host sees it: under the guest root first for an absolute path, as qemu does. */
    static Path programPath(Options o) {
        Path p = Path.of(o.program);
        if (o.root != null && o.program.startsWith("/")) {
            Path inRoot = o.root.resolve(o.program.substring(1));
            if (Files.exists(inRoot, LinkOption.NOFOLLOW_LINKS)) {
                return inRoot;
            }
        }
        return p;
    }

    private static volatile Isa tracerIsa;
    private static volatile dev.emu.core.mem.AddressSpace tracerMem;

    /** -d: each new block, its guest instructions disassembled when the core can, else its IR. */
    static Consumer<Block> blockTracer(PrintStream err) {
        return b -> {
            StringBuilder sb = new StringBuilder();
            sb.append("IN: 0x").append(Long.toHexString(b.startPc)).append("..0x").append(Long.toHexString(b.endPc))
                    .append(" (").append(b.guestInsns).append(" insns)\n");
            Isa isa = tracerIsa;
            boolean disassembled = false;
            if (isa != null && tracerMem != null) {
                List<Long> pcs = new ArrayList<>();
                for (Insn in : b.insns) {
                    if (in.op == Op.INSN_START) {
                        pcs.add(in.imm);
                    }
                }
                StringBuilder d = new StringBuilder();
                disassembled = !pcs.isEmpty();
                for (long pc : pcs) {
                    String text = null;
                    try {
                        text = isa.disassemble(tracerMem, pc, b.mode);
                    } catch (RuntimeException e) {
                        text = null;
                    }
                    if (text == null) {
                        disassembled = false;
                        break;
                    }
                    d.append("  0x").append(Long.toHexString(pc)).append(":  ").append(text).append('\n');
                }
                if (disassembled) {
                    sb.append(d);
                }
            }
            if (!disassembled) {
                for (Insn in : b.insns) {
                    sb.append("  ").append(in).append('\n');
                }
            }
            synchronized (err) {
                err.print(sb);
                err.flush();
            }
        };
    }
}

package dev.emu.linux.loader;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.elf.ElfFormatException;
import dev.emu.core.elf.ElfImage;
import dev.emu.core.engine.Engine;
import dev.emu.core.isa.Isa;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.Kernel;
import dev.emu.linux.LinuxProcess;
import dev.emu.linux.LinuxThread;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.fs.HostRandom;
import dev.emu.linux.fs.OpenFile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Starts the first guest process of a kernel from an ELF file on the host. */
public final class Launcher {
    /** Exit statuses a shell uses: found but cannot run, and not found. */
    public static final int NOT_EXECUTABLE = 126, NOT_FOUND = 127;

    private Launcher() {}

    /** A loaded program not yet attached to a process: what start and execve install. */
    public record ProgramImage(Isa isa, LinuxAbi abi, AddressSpace mem, Engine engine, ElfLoader.Loaded loaded,
                               String guestExe, Path hostExe, List<String> argv, List<String> envp) {}

    /**
     * Loads {@code hostExe} into a new process and returns its main thread, ready to {@link LinuxThread#run}.
     *
     * @param isaName a core to insist on (-cpu), or null to choose from the ELF header
     */
    public static LinuxThread start(Kernel kernel, Path hostExe, List<String> argv, List<String> envp, String isaName)
            throws LaunchException {
        ProgramImage image = load(kernel, hostExe, hostExe.toString(), argv, envp, isaName, 0);
        int[] host = hostParentGroupAndSession();
        int ppid = host != null ? host[0] : ProcessHandle.current().parent().map(h -> (int) h.pid()).orElse(1);
        LinuxProcess proc = new LinuxProcess(kernel, kernel.allocatePid(), ppid, image.abi());
        if (host != null) {
            // the emulator's own: a shell started from a terminal is not a session leader there either
            proc.pgid = host[1];
            proc.sid = host[2];
        }
        install(proc, image);
        List<OpenFile> stdio = kernel.options().stdio.get();
        for (int fd = 0; fd < stdio.size(); fd++) {
            proc.fds().installAt(fd, stdio.get(fd), false);
        }
        CpuState cpu = image.isa().newCpu(image.mem());
        image.abi().initRegisters(cpu, image.loaded().sp(), image.loaded().entry());
        LinuxThread main = new LinuxThread(proc, proc.pid(), cpu);
        kernel.register(proc);
        return main;
    }

    /**
     * The JVM's parent, process group and session from /proc/self/stat (fields 4 to 6), or null
     * off Linux. Split by hand: this runs at every start, where a regex costs more than the rest.
     */
    static int[] hostParentGroupAndSession() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            int[] out = new int[3];
            int pos = stat.lastIndexOf(')') + 2; // at the state field
            for (int field = 0; field < 4; field++) {
                int end = stat.indexOf(' ', pos);
                if (field > 0) {
                    out[field - 1] = Integer.parseInt(stat, pos, end, 10);
                }
                pos = end + 1;
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Makes {@code image} the process's program (start, and execve past its point of no return). */
    public static void install(LinuxProcess proc, ProgramImage image) {
        proc.setAbi(image.abi());
        proc.setImage(image.mem(), image.engine());
        proc.exePath = image.guestExe();
        proc.exeHost = image.hostExe().toAbsolutePath();
        proc.argv = List.copyOf(image.argv());
        proc.envp = List.copyOf(image.envp());
    }

    /**
     * Reads, checks and maps a program (following #! up to a few levels) into a fresh address space.
     *
     * @param name the program as the caller named it (AT_EXECFN, a script's argument)
     */
    public static ProgramImage load(Kernel kernel, Path hostExe, String name, List<String> argv, List<String> envp,
                                    String isaName, int depth) throws LaunchException {
        byte[] bytes = readProgram(hostExe, hostExe.toString());
        if (bytes.length > 2 && bytes[0] == '#' && bytes[1] == '!') {
            if (depth >= 4) {
                throw new LaunchException(hostExe + ": too many levels of #! interpreters", NOT_EXECUTABLE);
            }
            return loadScript(kernel, hostExe, name, bytes, argv, envp, isaName, depth);
        }
        ElfImage elf = parse(bytes, hostExe.toString());
        Isa isa = chooseIsa(elf, isaName, hostExe.toString());
        LinuxAbi abi = LinuxAbi.forIsa(isa.name());
        if (abi == null) {
            throw new LaunchException(hostExe + ": the " + isa.name() + " core has no Linux ABI on the class path",
                    NOT_EXECUTABLE);
        }
        String model = kernel.options().cpuModel;
        if (model != null) {
            LinuxAbi forModel = abi.forCpuModel(model);
            if (forModel != null) {
                abi = forModel;
            } else {
                kernel.warnOnce("cpu-model", "-cpu " + model + ": not a core name or a CPU model the " + isa.name()
                        + " ABI knows; ignoring it");
            }
        }
        ElfImage interp = null;
        byte[] interpBytes = null;
        String interpPath = elf.interpreter().orElse(null);
        if (interpPath != null) {
            Path hostInterp = kernel.vfs().hostPath(interpPath);
            interpBytes = readProgram(hostInterp, interpPath + " (the interpreter of " + hostExe
                    + "; use -L to point at the guest's root file system)");
            interp = parse(interpBytes, interpPath);
        }

        AddressSpace mem = new AddressSpace(isa.addressBits());
        Engine.Config config = new Engine.Config();
        config.compiler = kernel.options().compiler;
        config.compileImmediately = kernel.options().compileImmediately && config.compiler != null;
        config.regionCompiler = config.compiler != null ? dev.emu.core.api.CompilerChoice.defaultRegionCompiler() : null;
        config.onTranslate = kernel.options().onTranslate;
        Engine engine = new Engine(isa, config);
        mem.setCodeInvalidator(engine.codeCache()::invalidate);

        String guestExe = kernel.vfs().guestPathOfHost(hostExe);
        byte[] random = new byte[16];
        Long seed = kernel.options().randomSeed;
        if (seed != null) {
            new Random(seed).nextBytes(random);
        } else {
            HostRandom.nextBytes(random);
        }
        ElfLoader.Loaded loaded;
        try {
            loaded = ElfLoader.load(mem, abi, elf, bytes, guestExe, interp, interpBytes, interpPath, argv, envp,
                    name.startsWith("/") ? guestExe : name, kernel.options().stackSize, random);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new LaunchException(hostExe + ": cannot load: " + e.getMessage(), NOT_EXECUTABLE);
        }
        return new ProgramImage(isa, abi, mem, engine, loaded, guestExe, hostExe, argv, envp);
    }

    /**
     * A {@code #!} script: its interpreter (a guest path, looked up like any other) runs with
     * the optional single argument, the script's path and the script's arguments, as execve does.
     */
    private static ProgramImage loadScript(Kernel kernel, Path script, String name, byte[] bytes, List<String> argv,
                                           List<String> envp, String isaName, int depth) throws LaunchException {
        int end = 2;
        while (end < bytes.length && end < 256 && bytes[end] != '\n') {
            end++;
        }
        String line = new String(bytes, 2, end - 2, java.nio.charset.StandardCharsets.UTF_8).trim();
        if (line.isEmpty()) {
            throw new LaunchException(script + ": empty #! line (Exec format error)", NOT_EXECUTABLE);
        }
        int sp = line.indexOf(' ');
        String interp = sp < 0 ? line : line.substring(0, sp);
        String arg = sp < 0 ? null : line.substring(sp + 1).trim();
        List<String> args = new java.util.ArrayList<>();
        args.add(interp);
        if (arg != null && !arg.isEmpty()) {
            args.add(arg);
        }
        args.add(name);
        args.addAll(argv.subList(Math.min(1, argv.size()), argv.size()));
        Path host = interp.startsWith("/") ? kernel.vfs().hostPath(interp) : Path.of(interp);
        return load(kernel, host, interp, args, envp, isaName, depth + 1);
    }

    static byte[] readProgram(Path p, String what) throws LaunchException {
        try {
            if (Files.isDirectory(p)) {
                throw new LaunchException(what + ": Is a directory", NOT_EXECUTABLE);
            }
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new LaunchException(what + ": No such file or directory", NOT_FOUND);
        } catch (AccessDeniedException e) {
            throw new LaunchException(what + ": Permission denied", NOT_EXECUTABLE);
        } catch (IOException | OutOfMemoryError e) {
            throw new LaunchException(what + ": cannot read: " + e.getMessage(), NOT_EXECUTABLE);
        }
    }

    static ElfImage parse(byte[] bytes, String what) throws LaunchException {
        try {
            return ElfImage.parse(bytes, what);
        } catch (ElfFormatException e) {
            boolean elfMagic = bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
            throw new LaunchException(elfMagic ? e.getMessage()
                    : what + ": not an ELF executable (Exec format error)", NOT_EXECUTABLE);
        } catch (RuntimeException e) {
            throw new LaunchException(what + ": " + e.getMessage(), NOT_EXECUTABLE);
        }
    }

    static Isa chooseIsa(ElfImage elf, String isaName, String what) throws LaunchException {
        List<Isa> all = Isa.all();
        if (isaName != null) {
            for (Isa i : all) {
                if (i.name().equals(isaName)) {
                    return i;
                }
            }
            throw new LaunchException("no CPU core named '" + isaName + "'; have: " + all.stream().map(Isa::name).toList(),
                    NOT_EXECUTABLE);
        }
        Optional<Isa> isa = elf.findIsa(all);
        if (isa.isEmpty()) {
            throw new LaunchException(what + ": " + elf.describeMachine() + ": no CPU core for it (cores present: "
                    + (all.isEmpty() ? "none" : all.stream().map(Isa::name).toList()) + ")", NOT_EXECUTABLE);
        }
        return isa.get();
    }
}

package dev.emu.linux;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.Prot;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.fs.StdStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A kernel with one arm64 process over a real address space, driven by calling the
 * dispatcher directly: no CPU core needed. Guest stdout/stderr and the emulator's
 * diagnostics are captured.
 */
final class Harness {
    static final long SCRATCH = 0x10000;
    static final int SCRATCH_SIZE = 0x10000;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final ByteArrayOutputStream diag = new ByteArrayOutputStream();
    final Kernel kernel;
    final LinuxProcess proc;
    final LinuxThread thread;
    final AddressSpace mem;
    final LinuxAbi abi;
    private long next = SCRATCH;

    Harness() {
        this(null, "", false);
    }

    Harness(Path root, String stdin, boolean strace) {
        Kernel.Options o = new Kernel.Options();
        o.root = root;
        o.strace = strace;
        o.diagnostics = new PrintStream(diag, true, StandardCharsets.UTF_8);
        o.randomSeed = 42L;
        o.stdio = () -> List.of(
                new StdStream(0, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null, false),
                new StdStream(1, null, out, false), new StdStream(2, null, err, false));
        kernel = new Kernel(o);
        abi = LinuxAbi.forIsa("arm64");
        proc = new LinuxProcess(kernel, kernel.allocatePid(), 1, abi);
        mem = new AddressSpace(64);
        mem.map(SCRATCH, SCRATCH_SIZE, Prot.RW);
        mem.setBrk(0x400000);
        proc.setImage(mem, null);
        proc.exePath = "/bin/test-exe";
        proc.argv = List.of("test-exe", "arg1");
        proc.envp = List.of("A=1");
        var stdio = o.stdio.get();
        for (int i = 0; i < 3; i++) {
            proc.fds().installAt(i, stdio.get(i), false);
        }
        kernel.register(proc);
        thread = new LinuxThread(proc, proc.pid(), new CpuState(arm64Registers(), mem));
    }

    /** The arm64 register names the ABI uses; built here so the tests need no arm64 core. */
    static RegisterFile arm64Registers() {
        RegisterFile.Builder b = RegisterFile.builder();
        for (int i = 0; i <= 30; i++) {
            b.add("x" + i, 64);
        }
        b.add("sp", 64);
        b.pc("pc", 64);
        b.add("tpidr_el0", 64);
        return b.build();
    }

    /** Makes the syscall called {@code name} with the given arguments; returns x0. */
    long call(String name, long... args) {
        int nr = abi.syscalls().number(name);
        if (nr < 0) {
            throw new IllegalArgumentException("no syscall " + name);
        }
        return callNr(nr, args);
    }

    long callNr(int nr, long... args) {
        CpuState cpu = thread.cpu;
        cpu.set("x8", nr);
        for (int i = 0; i < 6; i++) {
            cpu.set("x" + i, i < args.length ? args[i] : 0);
        }
        kernel.dispatcher(abi).dispatch(thread);
        return cpu.get("x0");
    }

    /** Scratch memory of {@code n} bytes, 16-aligned. */
    long alloc(int n) {
        long a = next;
        next = (next + n + 15) & -16;
        if (next > SCRATCH + SCRATCH_SIZE) {
            throw new IllegalStateException("scratch full");
        }
        return a;
    }

    long str(String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_8);
        long a = alloc(b.length);
        mem.poke(a, b, 0, b.length);
        return a;
    }

    byte[] read(long addr, int n) {
        byte[] b = new byte[n];
        mem.peek(addr, b, 0, n);
        return b;
    }

    long u64(long addr) {
        return java.nio.ByteBuffer.wrap(read(addr, 8)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    int u32(long addr) {
        return java.nio.ByteBuffer.wrap(read(addr, 4)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    }

    int u16(long addr) {
        return java.nio.ByteBuffer.wrap(read(addr, 2)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
    }

    String cstr(long addr) {
        return new String(mem.readCString(addr, 4096), StandardCharsets.UTF_8);
    }

    void setCwd(Path dir) {
        proc.setCwd(kernel.vfs().guestPathOfHost(dir));
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String diagnostics() {
        return diag.toString(StandardCharsets.UTF_8);
    }
}

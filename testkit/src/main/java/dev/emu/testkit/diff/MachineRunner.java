package dev.emu.testkit.diff;

import dev.emu.core.api.Machine;
import dev.emu.core.api.RunResult;
import dev.emu.core.elf.ElfImage;
import dev.emu.core.elf.ProgramHeader;
import dev.emu.core.engine.StopReason;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.isa.Isa;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;
import dev.emu.core.mem.Prot;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the harness's tiny static ELF programs on the emulator through the embedding API
 * alone: loads the PT_LOAD segments, gives the program a stack, and serves the only two
 * system calls the programs make, {@code write} and {@code exit}. ISA conformance tests so
 * depend on the core under test and nothing of the Linux layer. A guest that dies reports
 * {@code 128 + signal} with the signal Linux would send.
 */
public final class MachineRunner {
    /** How one ISA passes a system call: registers by name and the two numbers the programs use. */
    public record SyscallConvention(String numberReg, String[] argRegs, String resultReg, long write, long exit,
                                    long exitGroup) {
        public static final SyscallConvention ARM64 =
                new SyscallConvention("x8", new String[] {"x0", "x1", "x2"}, "x0", 64, 93, 94);
        public static final SyscallConvention X86_64 =
                new SyscallConvention("rax", new String[] {"rdi", "rsi", "rdx"}, "rax", 1, 60, 231);
        public static final SyscallConvention ARM32 =
                new SyscallConvention("r7", new String[] {"r0", "r1", "r2"}, "r0", 4, 1, 248);
        public static final SyscallConvention PPC64 =
                new SyscallConvention("r0", new String[] {"r3", "r4", "r5"}, "r3", 4, 1, 234);
    }

    private static final long STACK_TOP = 0x7fff_0000_0000L;
    private static final long STACK_SIZE = 1 << 20;

    private MachineRunner() {}

    /**
     * A runner for {@code isa} on the given tiers: {@code INTERPRETER} and {@code COMPILER}
     * check each tier on every instruction (each case's code runs once, so {@code ADAPTIVE}
     * would leave it interpreted).
     */
    public static GuestRunner create(Isa isa, SyscallConvention abi, Machine.Tiers tiers) {
        return new InProcessRunner("emu-" + isa.name() + "-" + tiers.name().toLowerCase(),
                (elf, out) -> run(isa, abi, tiers, elf, out));
    }

    private static int run(Isa isa, SyscallConvention abi, Machine.Tiers tiers, Path elf,
                           InProcessRunner.GuestOutput out) throws Exception {
        ElfImage image = ElfImage.read(elf);
        Machine m = Machine.create(isa, tiers);
        for (ProgramHeader ph : image.loadSegments()) {
            long start = ph.vaddr() & ~AddressSpace.PAGE_MASK;
            long end = (ph.vaddr() + ph.memsz() + AddressSpace.PAGE_MASK) & ~AddressSpace.PAGE_MASK;
            int prot = (ph.readable() ? Prot.READ : 0) | (ph.writable() ? Prot.WRITE : 0)
                    | (ph.executable() ? Prot.EXEC : 0);
            m.map(start, end - start, prot);
            m.write(ph.vaddr(), image.segmentBytes(ph));
        }
        long top = isa.addressBits() == 32 ? 0xfff0_0000L : STACK_TOP;
        m.map(top - STACK_SIZE, STACK_SIZE, Prot.RW);
        m.setReg("sp", top - 256);
        int[] status = {-1};
        m.addTrapHook((mm, kind, detail) -> {
            if (kind != TrapKind.SYSCALL) {
                return false;
            }
            long nr = mm.reg(abi.numberReg());
            if (nr == abi.write()) {
                long fd = mm.reg(abi.argRegs()[0]);
                byte[] data = mm.read(mm.reg(abi.argRegs()[1]), (int) mm.reg(abi.argRegs()[2]));
                out.write(fd, data);
                mm.setReg(abi.resultReg(), data.length);
                return true;
            }
            if (nr == abi.exit() || nr == abi.exitGroup()) {
                status[0] = (int) (mm.reg(abi.argRegs()[0]) & 0xFF);
                return false;
            }
            mm.setReg(abi.resultReg(), -38); // ENOSYS
            return true;
        });
        RunResult r = m.start(image.entry(), -1, Duration.ofSeconds(60), 0);
        if (status[0] >= 0) {
            return status[0];
        }
        return 128 + signalOf(r);
    }

    private static int signalOf(RunResult r) {
        if (r.reason() == StopReason.FAULT) {
            GuestFault f = r.fault();
            return f.reason() == GuestFault.Reason.ALIGNMENT || f.reason() == GuestFault.Reason.BEYOND_FILE
                    ? dev.emu.testkit.diff.RunResult.SIGBUS : dev.emu.testkit.diff.RunResult.SIGSEGV;
        }
        if (r.trap() != null) {
            return switch (r.trap()) {
                case ILLEGAL_INSTRUCTION -> dev.emu.testkit.diff.RunResult.SIGILL;
                case BREAKPOINT, TRAP_INSTRUCTION -> dev.emu.testkit.diff.RunResult.SIGTRAP;
                case DIVIDE_ERROR -> dev.emu.testkit.diff.RunResult.SIGFPE;
                default -> dev.emu.testkit.diff.RunResult.SIGSEGV;
            };
        }
        return 9; // timed out inside the engine: report it as killed
    }
}

package dev.emu.arm64.diff;

import dev.emu.arm64.Arm64Isa;
import dev.emu.core.api.Machine;
import dev.emu.core.api.RunResult;
import dev.emu.core.elf.ElfImage;
import dev.emu.core.elf.ProgramHeader;
import dev.emu.core.mem.GuestFault;
import dev.emu.core.mem.Prot;
import dev.emu.testkit.diff.GuestRunner;
import dev.emu.testkit.diff.InProcessRunner;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a static AArch64 ELF on this core through {@link Machine}, with just the Linux
 * calls the diff programs make (write, exit, exit_group): a stand-in until the Linux layer
 * exists. A trap or fault ends the program as the matching signal would.
 */
final class EmulatorRunner {
    private static final int NR_WRITE = 64;
    private static final int NR_EXIT = 93;
    private static final int NR_EXIT_GROUP = 94;
    private static final long STACK_TOP = 0x7fff_0000_0000L;

    private EmulatorRunner() {}

    static GuestRunner create(boolean compiled) {
        return new InProcessRunner(compiled ? "emu-arm64-jit" : "emu-arm64-interp",
                (elf, out) -> run(elf, out, compiled));
    }

    private static int run(Path elf, InProcessRunner.GuestOutput out, boolean compiled) throws Exception {
        ElfImage img = ElfImage.read(elf);
        Machine m = compiled ? Machine.create(new Arm64Isa()) : Machine.createInterpreted(new Arm64Isa());
        for (ProgramHeader ph : img.loadSegments()) {
            long start = ph.vaddr() & ~0xFFFL;
            long end = (ph.vaddr() + ph.memsz() + 0xFFF) & ~0xFFFL;
            int prot = (ph.readable() ? Prot.READ : 0) | ((ph.flags() & ProgramHeader.PF_W) != 0 ? Prot.WRITE : 0)
                    | ((ph.flags() & ProgramHeader.PF_X) != 0 ? Prot.EXEC : 0);
            m.map(start, end - start, prot);
            m.write(ph.vaddr(), img.segmentBytes(ph));
        }
        m.map(STACK_TOP - 0x10_0000, 0x10_0000, Prot.RW);
        m.setReg("sp", STACK_TOP);
        long pc = img.entry();
        while (true) {
            RunResult r = m.start(pc, -1, Duration.ofSeconds(60), 0);
            pc = r.pc();
            switch (r.reason()) {
                case TRAP -> {
                    switch (r.trap()) {
                        case SYSCALL -> {
                            long nr = m.reg("x8");
                            if (nr == NR_EXIT || nr == NR_EXIT_GROUP) {
                                return (int) (m.reg("x0") & 0xFF);
                            } else if (nr == NR_WRITE) {
                                int len = (int) m.reg("x2");
                                out.write(m.reg("x0"), m.read(m.reg("x1"), len));
                                m.setReg("x0", len);
                            } else {
                                m.setReg("x0", -38); // ENOSYS
                            }
                        }
                        case ILLEGAL_INSTRUCTION -> {
                            return 128 + dev.emu.testkit.diff.RunResult.SIGILL;
                        }
                        case BREAKPOINT -> {
                            return 128 + dev.emu.testkit.diff.RunResult.SIGTRAP;
                        }
                        default -> throw new IllegalStateException("unexpected trap " + r);
                    }
                }
                case FAULT -> {
                    return 128 + (r.fault().reason() == GuestFault.Reason.ALIGNMENT
                            ? dev.emu.testkit.diff.RunResult.SIGBUS : dev.emu.testkit.diff.RunResult.SIGSEGV);
                }
                default -> throw new IllegalStateException("run stopped: " + r);
            }
        }
    }
}

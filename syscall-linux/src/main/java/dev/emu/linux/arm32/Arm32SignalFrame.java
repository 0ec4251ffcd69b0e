package dev.emu.linux.arm32;

import dev.emu.arm32.Arm32Registers;
import dev.emu.core.cpu.CpuState;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.SigInfo;
import dev.emu.linux.abi.Structs;

/**
 * The ARM rt_sigframe (arch/arm/kernel/signal.c, asm/ucontext.h, asm/sigcontext.h): siginfo
 * (128 bytes), then the ucontext: uc_flags, uc_link, uc_stack at +8, uc_mcontext at +20
 * (struct sigcontext: trap_no, error_code, oldmask, arm_r0..arm_r10, fp, ip, sp, lr, pc,
 * cpsr, fault_address), uc_sigmask at +104, padding to +232, then uc_regspace holding the
 * VFP record (magic 0x56465001, size 288, d0..d31, fpscr, fpexc, fpinst, fpinst2).
 */
final class Arm32SignalFrame {
    static final int INFO = 0;
    static final int UC = 128;
    static final int UC_STACK = UC + 8;
    static final int MCTX = UC + 20;
    static final int OLDMASK = MCTX + 8;
    static final int REGS = MCTX + 12; // arm_r0; r0..r15 then cpsr
    static final int CPSR = REGS + 64;
    static final int FAULT_ADDRESS = CPSR + 4;
    static final int UC_SIGMASK = UC + 104;
    static final int REGSPACE = UC + 232;
    static final int VFP_MAGIC = 0x56465001, VFP_SIZE = 288;
    static final int TOTAL = REGSPACE + 512;

    private Arm32SignalFrame() {}

    static long push(CpuState cpu, AddressSpace mem, Structs s, SigInfo info, long sp, long mask, long[] altStack) {
        long[] r = cpu.regs;
        long frame = (sp - TOTAL) & -8L;
        GuestBuffer b = s.buffer(TOTAL);
        byte[] si = info.bytes(s);
        System.arraycopy(si, 0, b.bytes(), INFO, si.length);
        b.u32(UC_STACK, altStack[0]).u32(UC_STACK + 4, altStack[1]).u32(UC_STACK + 8, altStack[2]);
        b.u32(OLDMASK, mask);
        for (int i = 0; i < 15; i++) {
            b.u32(REGS + 4 * i, r[Arm32Registers.R0 + i]);
        }
        b.u32(REGS + 60, cpu.pc() | r[Arm32Registers.T]);
        b.u32(CPSR, Arm32Registers.cpsr(r) | 0x10);
        b.u32(FAULT_ADDRESS, info.addr());
        b.u64(UC_SIGMASK, mask);
        b.u32(REGSPACE, VFP_MAGIC).u32(REGSPACE + 4, VFP_SIZE);
        for (int i = 0; i < 32; i++) {
            b.u64(REGSPACE + 8 + 8 * i, r[Arm32Registers.D0 + i]);
        }
        b.u32(REGSPACE + 264, r[Arm32Registers.FPSCR]).u32(REGSPACE + 268, 0x40000000); // FPEXC.EN
        mem.write(frame, b.bytes(), 0, TOTAL);
        return frame;
    }

    /** rt_sigreturn: restores the registers from the frame at sp; returns {mask, ss_sp, ss_flags, ss_size}. */
    static long[] restore(CpuState cpu, AddressSpace mem, Structs s) {
        long[] r = cpu.regs;
        long frame = r[Arm32Registers.SP] & 0xffffffffL;
        byte[] raw = new byte[TOTAL];
        mem.read(frame, raw, 0, TOTAL);
        GuestBuffer b = s.wrap(raw);
        for (int i = 0; i < 15; i++) {
            r[Arm32Registers.R0 + i] = b.getU32(REGS + 4 * i);
        }
        Arm32Registers.setCpsr(r, b.getI32(CPSR));
        long pc = b.getU32(REGS + 60);
        cpu.setPc(pc & (r[Arm32Registers.T] != 0 ? ~1L : ~3L));
        if (b.getI32(REGSPACE) == VFP_MAGIC) {
            for (int i = 0; i < 32; i++) {
                r[Arm32Registers.D0 + i] = b.getU64(REGSPACE + 8 + 8 * i);
            }
            r[Arm32Registers.FPSCR] = b.getU32(REGSPACE + 264);
        }
        return new long[] {b.getU64(UC_SIGMASK), b.getU32(UC_STACK), b.getI32(UC_STACK + 4), b.getU32(UC_STACK + 8)};
    }
}

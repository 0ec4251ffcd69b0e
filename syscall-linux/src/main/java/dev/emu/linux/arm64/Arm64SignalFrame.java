package dev.emu.linux.arm64;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.SigInfo;
import dev.emu.linux.abi.Structs;

/**
 * The arm64 rt_sigframe (arch/arm64/kernel/signal.c): siginfo (128 bytes), then the
 * ucontext with uc_flags, uc_link, uc_stack, uc_sigmask and, 16-aligned at 176, the
 * sigcontext (fault_address, x0..x30, sp, pc, pstate, then a 4 KiB area of records: an
 * fpsimd_context with fpsr, fpcr and v0..v31, and a terminating null record), and after it
 * the frame record {fp, lr} that x29 points to.
 */
final class Arm64SignalFrame {
    static final int INFO = 0;
    static final int UC = 128;
    static final int UC_STACK = UC + 16;
    static final int UC_SIGMASK = UC + 40;
    static final int MCTX = UC + 176;
    static final int FAULT_ADDRESS = MCTX;
    static final int REGS = MCTX + 8;
    static final int SP = MCTX + 256;
    static final int PC = MCTX + 264;
    static final int PSTATE = MCTX + 272;
    static final int RESERVED = MCTX + 288;
    static final int FPSIMD_MAGIC = 0x46508001;
    static final int FPSIMD_SIZE = 528;
    static final int FRAME_SIZE = RESERVED + 4096;
    static final int FRAME_RECORD = FRAME_SIZE;
    static final int TOTAL = FRAME_SIZE + 16;

    private Arm64SignalFrame() {}

    /** Builds the frame below sp; returns the frame's address. The caller sets pc, sp, x0..x2, x29, x30. */
    static long push(CpuState cpu, AddressSpace mem, Structs s, SigInfo info, long sp, long mask, long[] altStack) {
        RegisterFile rf = cpu.registerFile;
        long frame = (sp - TOTAL) & -16L;
        GuestBuffer b = s.buffer(TOTAL);
        byte[] si = info.bytes(s);
        System.arraycopy(si, 0, b.bytes(), INFO, si.length);
        b.u64(UC_STACK, altStack[0]).u32(UC_STACK + 8, (int) altStack[1]).u64(UC_STACK + 16, altStack[2]);
        b.u64(UC_SIGMASK, mask);
        b.u64(FAULT_ADDRESS, info.addr());
        for (int i = 0; i <= 30; i++) {
            b.u64(REGS + 8 * i, cpu.get("x" + i));
        }
        b.u64(SP, cpu.get("sp")).u64(PC, cpu.pc());
        long pstate = (cpu.get("n") << 31) | (cpu.get("z") << 30) | (cpu.get("c") << 29) | (cpu.get("v") << 28);
        b.u64(PSTATE, pstate);
        b.u32(RESERVED, FPSIMD_MAGIC).u32(RESERVED + 4, FPSIMD_SIZE);
        b.u32(RESERVED + 8, cpu.get("fpsr")).u32(RESERVED + 12, cpu.get("fpcr"));
        for (int i = 0; i < 32; i++) {
            int slot = rf.get("v" + i).slot();
            b.u64(RESERVED + 16 + 16 * i, cpu.regs[slot]).u64(RESERVED + 24 + 16 * i, cpu.regs[slot + 1]);
        }
        // the null record after fpsimd_context is already zero
        b.u64(FRAME_RECORD, cpu.get("x29")).u64(FRAME_RECORD + 8, cpu.get("x30"));
        mem.write(frame, b.bytes(), 0, TOTAL);
        return frame;
    }

    /** rt_sigreturn: restores the registers from the frame at sp; returns {mask, altstack sp, flags, size}. */
    static long[] restore(CpuState cpu, AddressSpace mem, Structs s) {
        long frame = cpu.get("sp");
        byte[] raw = new byte[FRAME_SIZE];
        mem.read(frame, raw, 0, FRAME_SIZE);
        GuestBuffer b = s.wrap(raw);
        for (int i = 0; i <= 30; i++) {
            cpu.set("x" + i, b.getU64(REGS + 8 * i));
        }
        cpu.set("sp", b.getU64(SP));
        cpu.setPc(b.getU64(PC));
        long pstate = b.getU64(PSTATE);
        cpu.set("n", pstate >>> 31 & 1);
        cpu.set("z", pstate >>> 30 & 1);
        cpu.set("c", pstate >>> 29 & 1);
        cpu.set("v", pstate >>> 28 & 1);
        if (b.getI32(RESERVED) == FPSIMD_MAGIC) {
            cpu.set("fpsr", b.getU32(RESERVED + 8));
            cpu.set("fpcr", b.getU32(RESERVED + 12));
            RegisterFile rf = cpu.registerFile;
            for (int i = 0; i < 32; i++) {
                int slot = rf.get("v" + i).slot();
                cpu.regs[slot] = b.getU64(RESERVED + 16 + 16 * i);
                cpu.regs[slot + 1] = b.getU64(RESERVED + 24 + 16 * i);
            }
        }
        return new long[] {b.getU64(UC_SIGMASK), b.getU64(UC_STACK), b.getI32(UC_STACK + 8), b.getU64(UC_STACK + 16)};
    }
}

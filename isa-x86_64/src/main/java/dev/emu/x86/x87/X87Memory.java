package dev.emu.x86.x87;

import static dev.emu.x86.X86Registers.FCW;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.AddressSpace;
import dev.emu.x86.X86Registers;

/**
 * The x87 and SSE state images in guest memory: FNSTENV/FLDENV (28 bytes), FNSAVE/FRSTOR
 * (108 bytes: the environment, then ST0..ST7 as 10-byte values), FXSAVE/FXRSTOR (512 bytes,
 * 16-byte aligned). Each reads or writes all of memory before it changes a register, so a
 * fault leaves the CPU state as it was. A misaligned FXSAVE/FXRSTOR operand or a reserved
 * MXCSR bit in the FXRSTOR image is #GP: the helper raises the trap (PRIVILEGED, which Linux
 * reports as SIGSEGV like any #GP), changes nothing and returns 1.
 */
public final class X87Memory {
    private X87Memory() {}

    static final int SAVE_SIZE = 108;
    /** FXSAVE writes the x87, MXCSR and XMM part; bytes 416..511 (reserved and software-available) are left alone. */
    static final int FXSAVE_WRITTEN = 416;

    public static void fnstenv(CpuState s, long addr) {
        byte[] img = new byte[FpuImages.ENV_SIZE];
        FpuImages.storeEnv(s.regs, img, 0);
        s.mem.write(addr, img, 0, img.length);
        s.regs[FCW] |= 0x3F; // FNSTENV then masks every exception
    }

    public static void fldenv(CpuState s, long addr) {
        byte[] img = new byte[FpuImages.ENV_SIZE];
        s.mem.read(addr, img, 0, img.length);
        FpuImages.loadEnv(s.regs, img, 0);
    }

    public static void fnsave(CpuState s, long addr) {
        long[] r = s.regs;
        byte[] img = new byte[SAVE_SIZE];
        FpuImages.storeEnv(r, img, 0);
        for (int i = 0; i < 8; i++) {
            int p = (int) (r[X86Registers.FPU_TOP] + i) & 7;
            long m = r[X86Registers.fprMant(p)];
            long se = r[X86Registers.fprExp(p)];
            for (int k = 0; k < 8; k++) {
                img[28 + 10 * i + k] = (byte) (m >>> (8 * k));
            }
            img[36 + 10 * i] = (byte) se;
            img[37 + 10 * i] = (byte) (se >>> 8);
        }
        s.mem.write(addr, img, 0, img.length);
        FpuImages.init(r);
    }

    public static void frstor(CpuState s, long addr) {
        long[] r = s.regs;
        byte[] img = new byte[SAVE_SIZE];
        s.mem.read(addr, img, 0, img.length);
        FpuImages.loadEnv(r, img, 0);
        for (int i = 0; i < 8; i++) {
            int p = (int) (r[X86Registers.FPU_TOP] + i) & 7;
            long m = 0;
            for (int k = 7; k >= 0; k--) {
                m = m << 8 | (img[28 + 10 * i + k] & 0xFF);
            }
            r[X86Registers.fprMant(p)] = m;
            r[X86Registers.fprExp(p)] = (img[36 + 10 * i] & 0xFF) | (img[37 + 10 * i] & 0xFF) << 8;
        }
    }

    private static int generalProtection(CpuState s) {
        s.trap = TrapKind.PRIVILEGED;
        s.trapDetail = 0;
        return 1;
    }

    public static int fxsave(CpuState s, long addr) {
        if ((addr & 15) != 0) {
            return generalProtection(s);
        }
        byte[] img = new byte[FpuImages.FXSAVE_SIZE];
        FpuImages.fxsave(s.regs, img, 0);
        s.mem.write(addr, img, 0, FXSAVE_WRITTEN);
        return 0;
    }

    public static int fxrstor(CpuState s, long addr) {
        if ((addr & 15) != 0) {
            return generalProtection(s);
        }
        AddressSpace m = s.mem;
        byte[] img = new byte[FpuImages.FXSAVE_SIZE];
        m.read(addr, img, 0, img.length);
        if (!FpuImages.fxrstor(s.regs, img, 0)) {
            return generalProtection(s);
        }
        return 0;
    }
}

package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.C;
import static dev.emu.arm64.Arm64Registers.EXCL_ADDR;
import static dev.emu.arm64.Arm64Registers.FPCR;
import static dev.emu.arm64.Arm64Registers.FPSR;
import static dev.emu.arm64.Arm64Registers.N;
import static dev.emu.arm64.Arm64Registers.TPIDR_EL0;
import static dev.emu.arm64.Arm64Registers.V;
import static dev.emu.arm64.Arm64Registers.Z;

import dev.emu.arm64.Arm64Helpers;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Value;

/**
 * Exception generation and system instructions, from the C4.1 group "Branches, exception
 * generating and system instructions": SVC, BRK, UDF, hints, barriers, CLREX, MRS/MSR of the
 * registers EL0 may touch, and the cache maintenance SYS aliases.
 */
public final class SystemInsns {
    private SystemInsns() {}

    private static final Helper CNTVCT = Helper.of(Arm64Helpers.class, "cntvct");

    // ---- Exception generation
    /** SVC (C6.2.365): the kernel sees the pc after the SVC, as ELR_EL1 holds it. */
    public static void SVC(LiftContext c, Fields f) {
        c.b.trap(TrapKind.SYSCALL, c.nextPc(), f.get('i'));
    }

    /** BRK (C6.2.40). */
    public static void BRK(LiftContext c, Fields f) {
        c.b.trap(TrapKind.BREAKPOINT, c.pc(), f.get('i'));
    }

    /** UDF (C6.2.387): permanently undefined. */
    public static void UDF(LiftContext c, Fields f) {
        c.illegal();
    }

    // ---- Hints, barriers, CLREX
    /**
     * HINT (C6.2.126): NOP, YIELD, WFE, WFI, SEV, SEVL, and the BTI and pointer-authentication
     * hints (PACIASP, AUTIASP, XPACLRI, ...) all execute as NOPs: this core advertises
     * neither BTI nor PAuth, and the architecture makes those encodings NOPs then.
     */
    public static void HINT(LiftContext c, Fields f) {
    }

    /** CLREX (C6.2.56): opens the exclusive monitor. */
    public static void CLREX(LiftContext c, Fields f) {
        c.b.setReg(EXCL_ADDR, c.b.c64(-1));
    }

    /** DSB (C6.2.116), including its SSBB/PSSBB forms. */
    public static void DSB(LiftContext c, Fields f) {
        c.b.fence();
    }

    /** DMB (C6.2.114). */
    public static void DMB(LiftContext c, Fields f) {
        c.b.fence();
    }

    /** ISB (C6.2.131): also ends the block, so later code is fetched afresh. */
    public static void ISB(LiftContext c, Fields f) {
        c.b.fence();
        c.endBlock();
    }

    // ---- System instructions (SYS): the cache maintenance EL0 may execute
    /**
     * SYS (C6.2.372) aliases DC ZVA, DC CVAC, DC CVAU, DC CVAP, DC CIVAC and IC IVAU. Cleaning
     * caches has nothing to do here (the engine keeps translated code coherent with stores);
     * DC ZVA zeroes the 64-byte block DCZID_EL0 advertises.
     */
    public static void SYS(LiftContext c, Fields f) {
        int op1 = f.get('o');
        int crn = f.get('N');
        int crm = f.get('M');
        int op2 = f.get('p');
        if (op1 != 3 || crn != 7 || op2 != 1) {
            c.illegal();
            return;
        }
        switch (crm) {
            case 4 -> dcZva(c, f.get('t'));
            case 5, 10, 11, 12, 14 -> c.b.fence(); // IC IVAU, DC CVAC, DC CVAU, DC CVAP, DC CIVAC
            default -> c.illegal();
        }
    }

    private static void dcZva(LiftContext c, int t) {
        IrBuilder b = c.b;
        Value base = b.and(c.x(t), b.c64(~63L));
        Value zero = b.c64(0);
        for (int off = 0; off < 64; off += 8) {
            b.store(off == 0 ? base : b.add(base, b.c64(off)), zero, 8, false);
        }
    }

    // ---- System register moves
    /** op0:op1:CRn:CRm:op2 as MRS/MSR encode them in bits 19..5 (op0's top bit is always 1). */
    static int sysreg(int op0, int op1, int crn, int crm, int op2) {
        return (op0 & 1) << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
    }

    static final int NZCV_REG = sysreg(3, 3, 4, 2, 0);
    static final int FPCR_REG = sysreg(3, 3, 4, 4, 0);
    static final int FPSR_REG = sysreg(3, 3, 4, 4, 1);
    static final int TPIDR_EL0_REG = sysreg(3, 3, 13, 0, 2);
    /** Readable at EL0; Linux keeps it zero for 64-bit tasks. */
    static final int TPIDRRO_EL0_REG = sysreg(3, 3, 13, 0, 3);
    static final int CNTFRQ_EL0_REG = sysreg(3, 3, 14, 0, 0);
    static final int CNTVCT_EL0_REG = sysreg(3, 3, 14, 0, 2);
    static final int CTR_EL0_REG = sysreg(3, 3, 0, 0, 1);
    static final int DCZID_EL0_REG = sysreg(3, 3, 0, 0, 7);
    static final int DCZVA_BLOCK = 64;

    /** Writable bits of FPCR and FPSR, as QEMU keeps them. */
    static final long FPCR_MASK = 0x07FF_9F00L;
    static final long FPSR_MASK = 0xF800_009FL;

    /** MRS (C6.2.228). */
    public static void MRS(LiftContext c, Fields f) {
        int reg = f.get('s');
        IrBuilder b = c.b;
        Value v;
        if (reg == NZCV_REG) {
            v = b.or(b.or(b.shl(b.getReg64(N), b.c64(31)), b.shl(b.getReg64(Z), b.c64(30))),
                    b.or(b.shl(b.getReg64(C), b.c64(29)), b.shl(b.getReg64(V), b.c64(28))));
        } else if (reg == FPCR_REG) {
            v = b.getReg64(FPCR);
        } else if (reg == FPSR_REG) {
            v = b.getReg64(FPSR);
        } else if (reg == TPIDR_EL0_REG) {
            v = b.getReg64(TPIDR_EL0);
        } else if (reg == TPIDRRO_EL0_REG) {
            v = b.c64(0);
        } else if (reg == CNTVCT_EL0_REG) {
            v = b.call(CNTVCT);
        } else if (reg == CNTFRQ_EL0_REG) {
            v = b.c64(Arm64Helpers.CNTFRQ_HZ);
        } else if (reg == CTR_EL0_REG) {
            v = b.c64(IdRegisters.CTR_EL0);
        } else if (reg == DCZID_EL0_REG) {
            v = b.c64(IdRegisters.DCZID_EL0);
        } else if (IdRegisters.isIdRegister(reg)) {
            v = b.c64(IdRegisters.value(reg));
        } else {
            c.illegal();
            return;
        }
        c.setReg(f.get('t'), v);
    }

    /** MSR (register) (C6.2.230). */
    public static void MSR_reg(LiftContext c, Fields f) {
        int reg = f.get('s');
        IrBuilder b = c.b;
        Value x = c.x(f.get('t'));
        if (reg == NZCV_REG) {
            Value one = b.c64(1);
            c.setNZCV(b.trunc32(b.and(b.shr(x, b.c64(31)), one)), b.trunc32(b.and(b.shr(x, b.c64(30)), one)),
                    b.trunc32(b.and(b.shr(x, b.c64(29)), one)), b.trunc32(b.and(b.shr(x, b.c64(28)), one)));
        } else if (reg == FPCR_REG) {
            b.setReg(FPCR, b.and(x, b.c64(FPCR_MASK)));
            c.endBlock(); // rounding mode may change how later code must be translated
        } else if (reg == FPSR_REG) {
            b.setReg(FPSR, b.and(x, b.c64(FPSR_MASK)));
        } else if (reg == TPIDR_EL0_REG) {
            b.setReg(TPIDR_EL0, x);
        } else {
            c.illegal();
        }
    }
}

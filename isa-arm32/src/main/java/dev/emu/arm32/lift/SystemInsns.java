package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.C;
import static dev.emu.arm32.Arm32Registers.GE;
import static dev.emu.arm32.Arm32Registers.N;
import static dev.emu.arm32.Arm32Registers.Q;
import static dev.emu.arm32.Arm32Registers.TPIDRURO;
import static dev.emu.arm32.Arm32Registers.TPIDRURW;
import static dev.emu.arm32.Arm32Registers.V;
import static dev.emu.arm32.Arm32Registers.Z;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Value;

/**
 * Exception-generating, hint, barrier, status-register and coprocessor instructions a user
 * program meets: SVC, BKPT, UDF, NOP and the other hints, DMB/DSB/ISB, PLD/PLI (no-ops here),
 * MRS/MSR of the APSR, and MRC/MCR of the CP15 thread ID registers.
 */
public final class SystemInsns {
    private SystemInsns() {}

    /** SVC (A8.8 SVC): the OS layer reads the number from R7 (EABI); resumes after it. */
    public static void SVC(LiftContext c, Fields f) {
        c.trap(TrapKind.SYSCALL, c.nextPc(), f.get('i'));
    }

    /** BKPT (A8.8 BKPT): SIGTRAP. */
    public static void BKPT(LiftContext c, Fields f) {
        c.trap(TrapKind.BREAKPOINT, c.pc(), f.get('i'));
    }

    /** UDF (A8.8 UDF): permanently undefined, SIGILL. */
    public static void UDF(LiftContext c, Fields f) {
        c.illegal();
    }

    /** NOP, YIELD, WFE, WFI, SEV, DBG and the unallocated hints: nothing to do in user mode. */
    public static void HINT(LiftContext c, Fields f) {
    }

    /** PLD, PLDW, PLI: prefetch hints, no-ops. */
    public static void PRELOAD(LiftContext c, Fields f) {
    }

    /** DMB, DSB (A8.8 DMB, DSB): a full fence whatever the option. */
    public static void BARRIER(LiftContext c, Fields f) {
        c.b.fence();
    }

    /** ISB (A8.8 ISB): ends the block, so code written before it is translated afresh. */
    public static void ISB(LiftContext c, Fields f) {
        c.b.fence();
        c.endBlock();
    }

    /** MRS Rd, APSR (A8.8 MRS): N Z C V Q and GE, with the user-mode bits (M = 0b10000) set. */
    public static void MRS(LiftContext c, Fields f) {
        int d = f.get('d');
        if (d == 15) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        Value r = b.or(b.shl(b.getReg32(N), b.c32(31)), b.shl(b.getReg32(Z), b.c32(30)));
        r = b.or(r, b.shl(b.getReg32(C), b.c32(29)));
        r = b.or(r, b.shl(b.getReg32(V), b.c32(28)));
        r = b.or(r, b.shl(b.getReg32(Q), b.c32(27)));
        r = b.or(r, b.shl(b.getReg32(GE), b.c32(16)));
        c.setReg(d, b.or(r, b.c32(0x10)));
    }

    /** Writes the APSR fields that {@code mask} selects (bit 1: N Z C V Q, bit 0: GE). */
    private static void writeApsr(LiftContext c, Value v, int mask) {
        IrBuilder b = c.b;
        if ((mask & 2) != 0) {
            b.setReg(N, b.shr(v, b.c32(31)));
            b.setReg(Z, b.and(b.shr(v, b.c32(30)), b.c32(1)));
            b.setReg(C, b.and(b.shr(v, b.c32(29)), b.c32(1)));
            b.setReg(V, b.and(b.shr(v, b.c32(28)), b.c32(1)));
            b.setReg(Q, b.and(b.shr(v, b.c32(27)), b.c32(1)));
        }
        if ((mask & 1) != 0) {
            b.setReg(GE, b.and(b.shr(v, b.c32(16)), b.c32(0xF)));
        }
    }

    /** MSR APSR_<fields>, Rn (A8.8 MSR (register)). */
    public static void MSR_reg(LiftContext c, Fields f) {
        int mask = f.get('m'), n = f.get('n');
        if (mask == 0 || n == 15) {
            c.illegal();
            return;
        }
        writeApsr(c, c.reg(n), mask);
    }

    /** MSR APSR_<fields>, #imm (A8.8 MSR (immediate)). */
    public static void MSR_imm(LiftContext c, Fields f) {
        int mask = f.get('m');
        if (mask == 0) {
            c.illegal();
            return;
        }
        writeApsr(c, c.c32(Shifter.armExpandImm(f.get('i'))), mask);
    }

    /** The CP15 thread ID register slot MRC/MCR p15, 0, Rt, c13, c0, opc2 names, or -1. */
    private static int threadIdRegister(Fields f) {
        if (f.get('o') != 0 || f.get('N') != 13 || f.get('M') != 0) {
            return -1;
        }
        return switch (f.get('p')) {
            case 2 -> TPIDRURW;
            case 3 -> TPIDRURO;
            default -> -1;
        };
    }

    /** MRC p15 (A8.8 MRC): TPIDRURO and TPIDRURW; other CP15 registers are not readable at PL0. */
    public static void MRC(LiftContext c, Fields f) {
        int slot = threadIdRegister(f);
        int t = f.get('t');
        if (slot < 0 || t == 15) {
            c.illegal();
            return;
        }
        c.setReg(t, c.b.getReg32(slot));
    }

    /** MCR p15 (A8.8 MCR): TPIDRURW only (TPIDRURO is read-only at PL0). */
    public static void MCR(LiftContext c, Fields f) {
        int slot = threadIdRegister(f);
        int t = f.get('t');
        if (slot != TPIDRURW || t == 15) {
            c.illegal();
            return;
        }
        c.b.setReg(slot, c.reg(t));
    }
}

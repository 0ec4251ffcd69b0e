package dev.emu.x86.lift;

import static dev.emu.x86.X86Registers.DF;
import static dev.emu.x86.X86Registers.RAX;
import static dev.emu.x86.X86Registers.RCX;
import static dev.emu.x86.X86Registers.RDI;
import static dev.emu.x86.X86Registers.RSI;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;

/**
 * String instructions MOVS, CMPS, STOS, LODS, SCAS (A4..AF; SDM Vol. 1 7.3.9) with REP,
 * REPE and REPNE. A repeated instruction runs up to {@link #UNROLL} iterations per
 * execution of its block (the IR has no backward branches): before each, a zero count
 * leaves for the next instruction; after each, the count drops and REPE/REPNE leave when
 * their condition fails; after the last, the block leaves for this same instruction again.
 * So a long REP is a loop of block exits, where the engine polls for interrupts, and a
 * fault in iteration k leaves RSI, RDI, RCX as they were after k - 1 iterations, with the
 * pc at the instruction, as on hardware (both tiers write registers back on a fault).
 *
 * <p>The source (RSI) takes an FS/GS override; the destination (RDI) cannot. With 67 the
 * pointers and count are ESI, EDI, ECX.
 */
public final class StringOps {
    private StringOps() {}

    private static final int MOVS = 0;
    private static final int CMPS = 1;
    private static final int STOS = 2;
    private static final int LODS = 3;
    private static final int SCAS = 4;

    private static int kind(int opcode) {
        return switch (opcode & ~1) {
            case 0xA4 -> MOVS;
            case 0xA6 -> CMPS;
            case 0xAA -> STOS;
            case 0xAC -> LODS;
            default -> SCAS;
        };
    }

    /** Iterations of a repeated string instruction per execution of its block. */
    static final int UNROLL = 8;

    public static void string(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        boolean rep = i.repz || i.repnz;
        if (!rep) {
            iteration(c, i);
            return;
        }
        int kind = kind(i.opcode);
        int as = i.addrsize ? 32 : 64;
        for (int k = 0; k < UNROLL; k++) {
            b.exitIf(b.cmpEq(c.getReg(as, RCX), c.konst(as, 0)), b.c64(i.nextPc()));
            iteration(c, i);
            c.setReg(as, RCX, c.trunc(as, b.sub(c.getReg(as, RCX), c.konst(as, 1))));
            if (kind == CMPS || kind == SCAS) {
                // REPE stops when ZF = 0, REPNE when ZF = 1
                Value zf = Flags.read(c, X86Registers.ZF_BIT);
                b.exitIf(i.repz ? b.xor(zf, b.c32(1)) : zf, b.c64(i.nextPc()));
            }
        }
        b.exitIf(b.cmpEq(c.getReg(as, RCX), c.konst(as, 0)), b.c64(i.nextPc()));
        b.exit(i.pc);
    }

    /** One iteration: the data movement or compare, then RSI/RDI stepped by DF. */
    private static void iteration(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int kind = kind(i.opcode);
        int size = i.opSize;
        int as = i.addrsize ? 32 : 64;
        // DF = 0: +size/8, DF = 1: -size/8
        Value step = b.select(b.getReg32(DF), b.c64(-(size / 8)), b.c64(size / 8));
        Value si = c.getReg(as, RSI);
        Value di = c.getReg(as, RDI);
        Value src = c.segment(b.zext64(si));
        Value dst = b.zext64(di);
        boolean usesSi = kind == MOVS || kind == CMPS || kind == LODS;
        boolean usesDi = kind != LODS;
        switch (kind) {
            case MOVS -> c.store(dst, c.load(size, src), size);
            case STOS -> c.store(dst, c.getReg(size, RAX), size);
            case LODS -> c.setReg(size, RAX, c.load(size, src));
            case CMPS -> {
                Value a = c.load(size, src);
                Value d = c.load(size, dst);
                Flags.sub(c, size, a, d, c.trunc(size, b.sub(a, d)), null);
            }
            default -> { // SCAS
                Value a = c.getReg(size, RAX);
                Value d = c.load(size, dst);
                Flags.sub(c, size, a, d, c.trunc(size, b.sub(a, d)), null);
            }
        }
        if (usesSi) {
            c.setReg(as, RSI, c.trunc(as, b.add(b.zext64(si), step)));
        }
        if (usesDi) {
            c.setReg(as, RDI, c.trunc(as, b.add(b.zext64(di), step)));
        }
    }
}

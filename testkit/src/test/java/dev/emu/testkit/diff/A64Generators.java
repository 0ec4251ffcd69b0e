package dev.emu.testkit.diff;

import dev.emu.testkit.asm.A64Asm;
import dev.emu.testkit.diff.a64.A64Case;
import dev.emu.testkit.diff.a64.A64DiffProgram;
import dev.emu.testkit.diff.a64.A64State;
import java.util.Random;

/** Instruction-class generators used to exercise the harness itself (the cores bring their own). */
final class A64Generators {
    private A64Generators() {}

    private static final String[] SHIFTS = {"lsl", "lsr", "asr"};

    /** ADD/ADDS/SUB/SUBS (shifted register), C6.2: sf:op:S:01011:shift:0:Rm:imm6:Rn:Rd. */
    static A64Case addSubShifted(Random r) {
        A64State s = A64State.random(r, 32);
        int sf = r.nextInt(2);
        int op = r.nextInt(2);
        int setFlags = r.nextInt(2);
        int shift = r.nextInt(3);
        int imm6 = r.nextInt(sf == 1 ? 64 : 32);
        int rm = r.nextInt(32);
        int rn = r.nextInt(32);
        int rd = r.nextInt(32);
        int word = sf << 31 | op << 30 | setFlags << 29 | 0b01011 << 24 | shift << 22 | rm << 16 | imm6 << 10
                | rn << 5 | rd;
        String reg = sf == 1 ? "x" : "w";
        String asm = String.format("%s%s %s%d, %s%d, %s%d, %s #%d", op == 0 ? "add" : "sub", setFlags == 1 ? "s" : "",
                reg, rd, reg, rn, reg, rm, SHIFTS[shift], imm6);
        return new A64Case(word, s, asm);
    }

    /** FMUL/FDIV/FADD/FSUB/FMAX/FMIN/FMAXNM/FMINNM/FNMUL (scalar, double), C7.2: 0x1e600800 | opcode << 12. */
    static A64Case fpDouble(Random r) {
        A64State s = A64State.random(r, 0);
        for (int i = 0; i < 32; i++) {
            s.vLo[i] = RandomValues.interestingDoubleBits(r);
        }
        s.fpcr = (long) r.nextInt(4) << 22 | (r.nextBoolean() ? 1L << 24 : 0) | (r.nextBoolean() ? 1L << 25 : 0);
        int opcode = r.nextInt(9);
        int rm = r.nextInt(32);
        int rn = r.nextInt(32);
        int rd = r.nextInt(32);
        String[] names = {"fmul", "fdiv", "fadd", "fsub", "fmax", "fmin", "fmaxnm", "fminnm", "fnmul"};
        return new A64Case(0x1e600800 | rm << 16 | opcode << 12 | rn << 5 | rd, s,
                String.format("%s d%d, d%d, d%d", names[opcode], rd, rn, rm));
    }

    /** LDR/STR (immediate, unsigned offset) of X and W registers into the window. */
    static A64Case loadStore(Random r) {
        A64State s = A64State.random(r, 128);
        int rn = 1 + r.nextInt(29);
        int rt = r.nextInt(31);
        boolean x = r.nextBoolean();
        boolean load = r.nextBoolean();
        int size = x ? 8 : 4;
        int base = 8 * r.nextInt(8);
        int off = size * r.nextInt((128 - base) / size);
        s.x[rn] = A64DiffProgram.WINDOW + base;
        A64Asm a = new A64Asm();
        if (x) {
            if (load) {
                a.ldrX(rt, rn, off);
            } else {
                a.strX(rt, rn, off);
            }
        } else if (load) {
            a.ldrW(rt, rn, off);
        } else {
            a.strW(rt, rn, off);
        }
        return new A64Case(a.words(), s, String.format("%s %s%d, [x%d, #%d]", load ? "ldr" : "str", x ? "x" : "w", rt, rn, off));
    }

    /** B.cond over two instructions, either way, sometimes ending the block after. */
    static A64Case conditionalBranch(Random r) {
        A64State s = A64State.random(r, 0);
        A64Asm.Cond cond = A64Asm.Cond.values()[r.nextInt(16)];
        int[] code = A64Case.assemble((a, end) -> {
            a.bCond(cond, end);
            a.movz(0, 0x1111, 0);
            a.movz(1, 0x2222, 0);
        });
        return new A64Case(code, s, "b." + cond.name().toLowerCase() + " end; movz x0, #0x1111; movz x1, #0x2222; end:")
                .withEndBlock(r.nextBoolean());
    }

    /** Mostly ADDS, every few cases a permanently undefined UDF #imm (SIGILL under every runner). */
    static A64Case sometimesUndefined(Random r) {
        if (r.nextInt(4) == 0) {
            int imm = r.nextInt(0x10000);
            return new A64Case(imm, A64State.random(r, 0), String.format("udf #%d", imm));
        }
        return addSubShifted(r);
    }
}

package dev.emu.x86.diff;

import dev.emu.testkit.diff.RandomValues;
import dev.emu.testkit.diff.x86.X86Case;
import dev.emu.testkit.diff.x86.X86State;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The SSE/SSE2 campaigns: each draws a row of the 0F map (mandatory prefix, opcode, operand
 * form), random XMM registers (lanes of special FP values where the group is FP: zeros,
 * infinities, quiet and signalling NaNs, denormals, values at the edges of the normal range,
 * ordinary numbers) and, for FP groups, a random MXCSR: every rounding mode, DAZ, FTZ, some
 * sticky flags already set, all exceptions masked. All 16 XMM registers, MXCSR, the flags
 * and the memory window are compared.
 */
final class SseCampaigns {
    private SseCampaigns() {}

    /**
     * One campaign. {@code qemuOnly}: the hardware is not an oracle (RCP/RSQRT are
     * approximations whose tables differ between vendors); {@code hostOnly}: qemu is known
     * to differ from the hardware (the reason next to the group).
     */
    record Group(String name, Function<Random, X86Case> gen, boolean hostOnly, boolean qemuOnly, int casePercent) {
        Group(String name, Function<Random, X86Case> gen, boolean hostOnly, boolean qemuOnly) {
            this(name, gen, hostOnly, qemuOnly, 100);
        }
    }

    /** One row: mandatory prefix (0, 0x66, 0xF3, 0xF2), the byte after 0F, the operand forms. */
    record Row(int prefix, int opcode, int form, int memBytes, boolean aligned, boolean imm) {}

    static final int BOTH = 0;
    static final int REG_ONLY = 1;
    static final int MEM_ONLY = 2;
    /** ModRM.rm names a general register (MOVD, CVTSI2SS, PINSRW) or memory. */
    static final int GPR_RM = 3;
    /** ModRM.reg names a general register (MOVMSKPS, PMOVMSKB, PEXTRW, CVTSS2SI); rm an XMM register or memory. */
    static final int GPR_REG = 4;

    static Row row(int prefix, int opcode, int form, int memBytes, boolean aligned) {
        return new Row(prefix, opcode, form, memBytes, aligned, false);
    }

    static Row rowIb(int prefix, int opcode, int form, int memBytes, boolean aligned) {
        return new Row(prefix, opcode, form, memBytes, aligned, true);
    }

    static List<Group> groups() {
        List<Group> g = new ArrayList<>();
        List<Row> moves = new ArrayList<>();
        for (int p : new int[] {0, 0x66}) {
            moves.add(row(p, 0x10, BOTH, 16, false));
            moves.add(row(p, 0x11, BOTH, 16, false));
            moves.add(row(p, 0x28, BOTH, 16, true));
            moves.add(row(p, 0x29, BOTH, 16, true));
            moves.add(row(p, 0x2B, MEM_ONLY, 16, true));
            moves.add(row(p, 0x13, MEM_ONLY, 8, false));
            moves.add(row(p, 0x17, MEM_ONLY, 8, false));
            moves.add(row(p, 0x50, GPR_REG | 8, 0, false));
        }
        moves.add(row(0, 0x12, BOTH, 8, false));
        moves.add(row(0, 0x16, BOTH, 8, false));
        moves.add(row(0x66, 0x12, MEM_ONLY, 8, false));
        moves.add(row(0x66, 0x16, MEM_ONLY, 8, false));
        for (int p : new int[] {0xF3, 0xF2}) {
            moves.add(row(p, 0x10, BOTH, p == 0xF3 ? 4 : 8, false));
            moves.add(row(p, 0x11, BOTH, p == 0xF3 ? 4 : 8, false));
        }
        moves.add(row(0x66, 0x6E, GPR_RM, 8, false));
        moves.add(row(0x66, 0x7E, GPR_RM, 8, false));
        moves.add(row(0xF3, 0x7E, BOTH, 8, false));
        moves.add(row(0x66, 0x6F, BOTH, 16, true));
        moves.add(row(0x66, 0x7F, BOTH, 16, true));
        moves.add(row(0xF3, 0x6F, BOTH, 16, false));
        moves.add(row(0xF3, 0x7F, BOTH, 16, false));
        moves.add(row(0x66, 0xD6, BOTH, 8, false));
        moves.add(row(0x66, 0xE7, MEM_ONLY, 16, true));
        moves.add(row(0, 0xC3, MEM_ONLY | GPR_RM << 4, 8, false));
        moves.add(rowIb(0x66, 0xC4, GPR_RM, 2, false));
        moves.add(rowIb(0x66, 0xC5, GPR_REG | 8, 0, false));
        moves.add(row(0x66, 0xD7, GPR_REG | 8, 0, false));
        moves.add(row(0x66, 0xF7, REG_ONLY, 0, false));
        g.add(new Group("sse_move", r -> gen(r, moves, false), false, false));

        List<Row> ints = new ArrayList<>();
        for (int op = 0x60; op <= 0x6D; op++) {
            ints.add(row(0x66, op, BOTH, 16, true));
        }
        for (int op = 0x74; op <= 0x76; op++) {
            ints.add(row(0x66, op, BOTH, 16, true));
        }
        for (int op = 0xD1; op <= 0xFE; op++) {
            if (op != 0xD6 && op != 0xD7 && op != 0xE6 && op != 0xE7 && op != 0xF0 && op != 0xF7) {
                ints.add(row(0x66, op, BOTH, 16, true));
            }
        }
        for (int p : new int[] {0x66, 0xF3, 0xF2}) {
            ints.add(rowIb(p, 0x70, BOTH, 16, true));
        }
        g.add(new Group("sse_int", r -> r.nextInt(5) == 0 ? shiftImm(r) : gen(r, ints, false), false, false));

        List<Row> logic = new ArrayList<>();
        for (int p : new int[] {0, 0x66}) {
            for (int op : new int[] {0x14, 0x15, 0x54, 0x55, 0x56, 0x57}) {
                logic.add(row(p, op, BOTH, 16, true));
            }
            logic.add(rowIb(p, 0xC6, BOTH, 16, true));
        }
        g.add(new Group("sse_logic_shuffle", r -> gen(r, logic, true), false, false));

        List<Row> arith = new ArrayList<>();
        for (int op : new int[] {0x51, 0x58, 0x59, 0x5C, 0x5D, 0x5E, 0x5F}) {
            addFourShapes(arith, op, false);
        }
        g.add(new Group("sse_fp_arith", r -> gen(r, arith, true), false, false));

        List<Row> cmp = new ArrayList<>();
        addFourShapes(cmp, 0xC2, true);
        for (int p : new int[] {0, 0x66}) {
            cmp.add(row(p, 0x2E, BOTH, p == 0 ? 4 : 8, false));
            cmp.add(row(p, 0x2F, BOTH, p == 0 ? 4 : 8, false));
        }
        g.add(new Group("sse_fp_compare", r -> gen(r, cmp, true), false, false));

        List<Row> cvt = new ArrayList<>();
        cvt.add(row(0, 0x5A, BOTH, 8, false));
        cvt.add(row(0x66, 0x5A, BOTH, 16, true));
        cvt.add(row(0xF3, 0x5A, BOTH, 4, false));
        cvt.add(row(0xF2, 0x5A, BOTH, 8, false));
        cvt.add(row(0, 0x5B, BOTH, 16, true));
        cvt.add(row(0x66, 0x5B, BOTH, 16, true));
        cvt.add(row(0xF3, 0x5B, BOTH, 16, true));
        cvt.add(row(0x66, 0xE6, BOTH, 16, true));
        cvt.add(row(0xF3, 0xE6, BOTH, 8, false));
        cvt.add(row(0xF2, 0xE6, BOTH, 16, true));
        for (int p : new int[] {0xF3, 0xF2}) {
            cvt.add(row(p, 0x2A, GPR_RM, 8, false));
            cvt.add(row(p, 0x2C, GPR_REG, p == 0xF3 ? 4 : 8, false));
            cvt.add(row(p, 0x2D, GPR_REG, p == 0xF3 ? 4 : 8, false));
        }
        g.add(new Group("sse_convert", r -> gen(r, cvt, true), false, false));

        List<Row> sse3Moves = new ArrayList<>();
        sse3Moves.add(row(0xF3, 0x12, BOTH, 16, true));
        sse3Moves.add(row(0xF3, 0x16, BOTH, 16, true));
        sse3Moves.add(row(0xF2, 0x12, BOTH, 8, false));
        sse3Moves.add(row(0xF2, 0xF0, MEM_ONLY, 16, false));
        g.add(new Group("sse3_move", r -> gen(r, sse3Moves, true), false, false));
        List<Row> sse3 = new ArrayList<>();
        for (int p : new int[] {0x66, 0xF2}) {
            for (int op : new int[] {0x7C, 0x7D, 0xD0}) {
                sse3.add(row(p, op, BOTH, 16, true));
            }
        }
        // host only: qemu 7.2 returns another operand's NaN than the hardware in HADDPS/ADDSUBPS
        g.add(new Group("sse3_arith", r -> gen(r, sse3, true), true, false));

        List<Row> ssse3 = new ArrayList<>();
        for (int op : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xA, 0xB, 0x1C, 0x1D, 0x1E}) {
            ssse3.add(row(0x66, 0x3800 | op, BOTH, 16, true));
        }
        ssse3.add(rowIb(0x66, 0x3A0F, BOTH, 16, true));
        g.add(new Group("ssse3", r -> gen(r, ssse3, false), false, false));

        List<Row> sse41 = new ArrayList<>();
        for (int op : new int[] {0x10, 0x17, 0x28, 0x29, 0x2B, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
            0x40, 0x41}) {
            sse41.add(row(0x66, 0x3800 | op, BOTH, 16, true));
        }
        int[] extendBytes = {8, 4, 2, 8, 4, 8};
        for (int k = 0; k < 6; k++) {
            sse41.add(row(0x66, 0x3820 + k, BOTH, extendBytes[k], false));
            sse41.add(row(0x66, 0x3830 + k, BOTH, extendBytes[k], false));
        }
        sse41.add(row(0x66, 0x382A, MEM_ONLY, 16, true));
        for (int op : new int[] {0x0E, 0x42}) {
            sse41.add(rowIb(0x66, 0x3A00 | op, BOTH, 16, true));
        }
        sse41.add(rowIb(0x66, 0x3A14, GPR_RM, 1, false));
        sse41.add(rowIb(0x66, 0x3A15, GPR_RM, 2, false));
        sse41.add(rowIb(0x66, 0x3A16, GPR_RM, 8, false));
        sse41.add(rowIb(0x66, 0x3A17, GPR_RM, 4, false));
        sse41.add(rowIb(0x66, 0x3A20, GPR_RM, 1, false));
        sse41.add(rowIb(0x66, 0x3A22, GPR_RM, 8, false));
        sse41.add(rowIb(0x66, 0x3A21, BOTH, 4, false));
        g.add(new Group("sse41_int", r -> gen(r, sse41, false), false, false));

        List<Row> sse41fp = new ArrayList<>();
        for (int op : new int[] {0x08, 0x09, 0x0C, 0x0D, 0x40, 0x41}) {
            sse41fp.add(rowIb(0x66, 0x3A00 | op, BOTH, 16, true));
        }
        sse41fp.add(rowIb(0x66, 0x3A0A, BOTH, 4, false));
        sse41fp.add(rowIb(0x66, 0x3A0B, BOTH, 8, false));
        sse41fp.add(row(0x66, 0x3814, BOTH, 16, true));
        sse41fp.add(row(0x66, 0x3815, BOTH, 16, true));
        g.add(new Group("sse41_fp", r -> gen(r, sse41fp, true), false, false));

        // qemu 7.2 sizes CRC32 by 66 over REX.W and reads PCMPESTR* lengths from EAX/EDX under
        // REX.W: the full set runs against the hardware, the rest against qemu too
        g.add(new Group("sse42", r -> sse42(r, true), true, false));
        g.add(new Group("sse42_no_rexw_quirks", r -> sse42(r, false), false, true));

        // faults: unmasked exceptions (#XM: SIGFPE) and misaligned m128 operands (#GP: SIGSEGV);
        // host only: qemu-user checks neither. A fault ends a program, so a third of the cases.
        g.add(new Group("sse_faults", r -> {
            if (r.nextBoolean()) {
                X86Case c = gen(r, arith, true);
                c.init().mxcsr &= ~((long) (1 + r.nextInt(63)) << 7);
                return c;
            }
            return gen(r, ints, false, true);
        }, true, false, 30));

        List<Row> estimates = new ArrayList<>();
        for (int op : new int[] {0x52, 0x53}) {
            estimates.add(row(0, op, BOTH, 16, true));
            estimates.add(row(0xF3, op, BOTH, 4, false));
        }
        g.add(new Group("sse_rcp_rsqrt", r -> gen(r, estimates, true), false, true));
        return g;
    }

    private static void addFourShapes(List<Row> rows, int op, boolean imm) {
        rows.add(new Row(0, op, BOTH, 16, true, imm));
        rows.add(new Row(0x66, op, BOTH, 16, true, imm));
        rows.add(new Row(0xF3, op, BOTH, 4, false, imm));
        rows.add(new Row(0xF2, op, BOTH, 8, false, imm));
    }

    /**
     * SSE4.2: PCMPESTRI/M, PCMPISTRI/M on strings over a small alphabet (so the aggregations
     * find matches), zero elements (implicit lengths) and small or huge explicit lengths in
     * RAX/RDX; CRC32 of every source size.
     */
    private static X86Case sse42(Random r, boolean rexWQuirks) {
        X86Gen x = new X86Gen(r);
        long[] alphabet = {0, 'a', 'b', 'c', 'z', 0x7F, 0x80, 0xFF};
        for (int i = 0; i < 16; i++) {
            if (r.nextInt(4) != 0) {
                x.s.xmmLo[i] = smallAlphabet(r, alphabet);
                x.s.xmmHi[i] = smallAlphabet(r, alphabet);
            }
        }
        for (int off = 0; off + 8 <= x.s.mem.length; off += 8) {
            long v = smallAlphabet(r, alphabet);
            for (int k = 0; k < 8; k++) {
                x.s.mem[off + k] = (byte) (v >>> (8 * k));
            }
        }
        for (int reg : new int[] {0, 2}) {
            if (r.nextInt(4) != 0) {
                x.s.gpr[reg] = r.nextInt(41) - 20;
            }
        }
        boolean mem = r.nextBoolean();
        if (r.nextInt(4) == 0) {
            int op = 0xF0 | r.nextInt(2);
            x.raw(0xF2);
            x.rex = r.nextBoolean() ? 0x48 : 0;
            if (op == 0xF1 && r.nextInt(3) == 0 && (rexWQuirks || x.rex == 0)) {
                x.opsize = true;
            }
            int dst = x.regNoSp();
            if (mem) {
                x.memForm(new int[] {0x0F, 0x38, op}, dst, 8);
            } else {
                x.regForm(new int[] {0x0F, 0x38, op}, dst, x.regNoSp());
            }
            return X86Campaigns.of(x, String.format("crc32 f2 0f 38 %02x %s", op, mem ? "mem" : "reg"), X86Campaigns.ALL);
        }
        int op = 0x60 + r.nextInt(4);
        x.opsize = true;
        x.rex = r.nextInt(4) == 0 && (rexWQuirks || op >= 0x62) ? 0x48 : 0;
        int[] opcode = {0x0F, 0x3A, op};
        if (mem) {
            x.memForm(opcode, x.reg(), 16, 0, 2, 1);
        } else {
            x.regForm(opcode, x.reg(), x.reg());
        }
        int imm = r.nextInt(128);
        x.imm(1, imm);
        return X86Campaigns.of(x, String.format("66 0f 3a %02x %s ib 0x%02x", op, mem ? "mem" : "reg", imm),
                X86Campaigns.ALL);
    }

    private static long smallAlphabet(Random r, long[] alphabet) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            long e = r.nextInt(3) == 0 ? alphabet[r.nextInt(alphabet.length)] : 'a' + r.nextInt(4);
            v |= (e & 0xFF) << (8 * k);
        }
        return v;
    }

    /** Groups 12-14: 66 0F 71/72/73 /r ib on a register, counts around the lane widths. */
    private static X86Case shiftImm(Random r) {
        X86Gen x = new X86Gen(r);
        intLanes(x);
        int[][] cells = {{0x71, 2}, {0x71, 4}, {0x71, 6}, {0x72, 2}, {0x72, 4}, {0x72, 6}, {0x73, 2}, {0x73, 3},
            {0x73, 6}, {0x73, 7}};
        int[] c = cells[r.nextInt(cells.length)];
        x.opsize = true;
        x.rex = r.nextInt(4) == 0 ? 0x40 : 0;
        x.regForm(new int[] {0x0F, c[0]}, c[1], x.reg());
        int count = r.nextInt(4) == 0 ? r.nextInt(256) : r.nextInt(70);
        x.imm(1, count);
        return X86Campaigns.of(x, String.format("66 0f %02x /%d ib %d", c[0], c[1], count), X86Campaigns.ALL);
    }

    private static X86Case gen(Random r, List<Row> rows, boolean fp) {
        return gen(r, rows, fp, false);
    }

    /** {@code misalign}: memory operands anywhere, even where the row needs 16-byte alignment. */
    private static X86Case gen(Random r, List<Row> rows, boolean fp, boolean misalign) {
        Row row = rows.get(r.nextInt(rows.size()));
        X86Gen x = new X86Gen(r);
        if (fp) {
            fpLanes(x, r.nextBoolean());
            mxcsr(x);
        } else {
            intLanes(x);
        }
        int form = row.form() & 0xF;
        boolean gprRm = form == GPR_RM || (row.form() >> 4) == GPR_RM;
        boolean gprReg = form == GPR_REG;
        boolean regOnly = form == REG_ONLY || (row.form() & 8) != 0;
        boolean mem = form == MEM_ONLY || !regOnly && r.nextBoolean();
        boolean rexW = (gprRm || gprReg) && r.nextBoolean() || row.opcode() == 0x3A16 && r.nextBoolean();
        if (row.prefix() == 0x66) {
            x.opsize = true;
        } else if (row.prefix() != 0) {
            x.raw(row.prefix());
        }
        x.rex = rexW ? 0x48 : r.nextInt(4) == 0 ? 0x40 : 0;
        x.memAlign = row.aligned() && !misalign ? 16 : 1;
        int regField = gprReg ? x.regNoSp() : x.reg();
        int[] opcode = row.opcode() > 0xFF ? new int[] {0x0F, row.opcode() >> 8, row.opcode() & 0xFF}
                : new int[] {0x0F, row.opcode()};
        if (row.opcode() == 0xF7) { // MASKMOVDQU stores to [RDI]
            x.s.gpr[7] = X86Gen.W + 64 + r.nextInt(X86Gen.WINDOW_BYTES - 128);
            regField = x.reg();
        }
        if (mem) {
            x.memForm(opcode, regField, Math.max(row.memBytes(), 1), 7);
        } else {
            x.regForm(opcode, regField, gprRm ? x.regNoSp() : x.reg());
        }
        String asm = String.format("%s0f %s %s", row.prefix() == 0 ? "" : String.format("%02x ", row.prefix()),
                row.opcode() > 0xFF ? String.format("%02x %02x", row.opcode() >> 8, row.opcode() & 0xFF)
                        : String.format("%02x", row.opcode()), mem ? "mem" : "reg");
        if (row.imm()) {
            int imm = row.opcode() == 0xC2 && r.nextInt(4) != 0 ? r.nextInt(8)
                    : row.opcode() == 0x3A0F && r.nextInt(4) != 0 ? r.nextInt(34) : r.nextInt(256);
            x.imm(1, imm);
            asm += " ib " + imm;
        }
        return X86Campaigns.of(x, asm, X86Campaigns.ALL);
    }

    /** Random XMM and window bytes, a third of the lanes at the integer edges (0, 1, 7F, 80, FF ...). */
    static void intLanes(X86Gen x) {
        Random r = x.r;
        for (int i = 0; i < 16; i++) {
            if (r.nextInt(3) == 0) {
                x.s.xmmLo[i] = edgy(r);
                x.s.xmmHi[i] = edgy(r);
            }
        }
    }

    private static long edgy(Random r) {
        long v = 0;
        int lane = 8 << r.nextInt(4);
        for (int k = 0; k < 64; k += lane) {
            long m = lane == 64 ? -1L : (1L << lane) - 1;
            long e = switch (r.nextInt(6)) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> m >>> 1;
                case 3 -> (m >>> 1) + 1;
                case 4 -> m;
                default -> r.nextLong();
            };
            v |= (e & m) << k;
        }
        return v;
    }

    /** Every XMM register and the window filled with lanes of special values of one format. */
    static void fpLanes(X86Gen x, boolean dbl) {
        Random r = x.r;
        X86State s = x.s;
        for (int i = 0; i < 16; i++) {
            s.xmmLo[i] = fpPair(r, dbl);
            s.xmmHi[i] = fpPair(r, dbl);
        }
        for (int off = 0; off + 8 <= s.mem.length; off += 8) {
            long v = fpPair(r, dbl);
            for (int k = 0; k < 8; k++) {
                s.mem[off + k] = (byte) (v >>> (8 * k));
            }
        }
    }

    private static long fpPair(Random r, boolean dbl) {
        return dbl ? fpValue(r, true) : fpValue(r, false) | fpValue(r, false) << 32;
    }

    /** A double or single bit pattern: RandomValues' specials, plus the edges of the normal range and numbers near 1. */
    static long fpValue(Random r, boolean dbl) {
        int fracBits = dbl ? 52 : 23;
        int maxExp = dbl ? 2046 : 254;
        long frac = r.nextLong() & ((1L << fracBits) - 1);
        long sign = r.nextBoolean() ? 1L << (dbl ? 63 : 31) : 0;
        return switch (r.nextInt(8)) {
            case 0 -> sign | (long) (1 + r.nextInt(3)) << fracBits | frac;           // smallest normals
            case 1 -> sign | (long) (maxExp - r.nextInt(3)) << fracBits | frac;      // largest numbers
            case 2 -> sign | (long) ((maxExp + 1) / 2 + r.nextInt(5) - 2) << fracBits | frac; // near 1
            case 3, 4, 5 -> dbl ? RandomValues.interestingDoubleBits(r) : RandomValues.interestingFloatBits(r);
            default -> sign | (long) (r.nextInt(maxExp) + 1) << fracBits | frac;
        };
    }

    /** All exceptions masked; any rounding mode, DAZ and FTZ; now and then sticky flags already set. */
    static void mxcsr(X86Gen x) {
        Random r = x.r;
        long m = 0x1F80 | (long) r.nextInt(4) << 13;
        if (r.nextInt(3) == 0) {
            m |= 0x40;
        }
        if (r.nextInt(3) == 0) {
            m |= 0x8000;
        }
        if (r.nextInt(4) == 0) {
            m |= r.nextInt(64);
        }
        x.s.mxcsr = m;
    }
}

package dev.emu.arm32.lift;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * A7.7 Advanced SIMD element or structure load/store: VLD1-4 and VST1-4, multiple structures,
 * a single structure to one lane, and (loads only) a single structure to all lanes; alignment
 * checks from the align field (SIGBUS; the Arm ARM's 32 bytes for align = 11 of VLD1/VST1 of
 * four registers and VLD4/VST4, where qemu-arm 7.2 checks 16), writeback by the transfer size (Rm = 13) or by Rm.
 * Lifted to one IR load or store per element: all loads happen before any register changes,
 * so a fault leaves the registers as they were. The word is taken in its A32 form {@code 1111
 * 0100 A D L 0 nnnn dddd BBBB xxxx mmmm} (Thumb's 1111 1001 maps onto it).
 */
public final class NeonLoadStore {
    private NeonLoadStore() {}

    /** What one instruction transfers: elements of esize bits to or from D registers. */
    private record Plan(int structures, int esize, int alignment, int[][] regs, int lane, boolean allLanes) {}

    private static int bit(int w, int n) {
        return w >>> n & 1;
    }

    public static void LDST(LiftContext c, Fields f) {
        int w = c.thumb() ? 0xF400_0000 | f.word() & 0x00FF_FFFF : f.word();
        boolean load = bit(w, 21) == 1;
        Plan p = bit(w, 23) == 0 ? multiple(w) : bit(w, 11) == 1 && bit(w, 10) == 1 ? (load ? allLanes(w) : null) : oneLane(w);
        int n = w >>> 16 & 0xF, m = w & 0xF;
        if (p == null || n == 15) {
            c.illegal();
            return;
        }
        for (int[] set : p.regs) {
            for (int r : set) {
                if (r > 31) {
                    c.illegal(); // UNPREDICTABLE past D31 (qemu-arm runs on into its own state)
                    return;
                }
            }
        }
        IrBuilder b = c.b;
        Value base = c.reg(n);
        if (p.alignment > 1) {
            base = c.aligned(base, p.alignment, !load);
        }
        Value[] d = new Value[32];
        int bytes = p.esize / 8;
        int offset = 0;
        if (p.allLanes) {
            for (int i = 0; i < p.structures; i++) {
                Value x = element(c, b.add(base, b.c32(offset)), bytes);
                offset += bytes;
                long times = replicate(p.esize);
                Value v = b.mul(x, b.c64(times));
                for (int r : p.regs[i]) {
                    d[r] = v;
                }
            }
        } else {
            int lanes = p.lane >= 0 ? 1 : 64 / p.esize;
            // p.regs[i][k]: structure member i of the k-th register set
            for (int k = 0; k < p.regs[0].length; k++) {
                for (int e = 0; e < lanes; e++) {
                    int lane = p.lane >= 0 ? p.lane : e;
                    for (int i = 0; i < p.structures; i++) {
                        int r = p.regs[i][k];
                        Value addr = b.add(base, b.c32(offset));
                        offset += bytes;
                        int shift = lane * p.esize;
                        if (load) {
                            Value x = element(c, addr, bytes);
                            Value old = d[r] != null ? d[r] : c.dreg(r);
                            long mask = (p.esize == 64 ? -1L : (1L << p.esize) - 1) << shift;
                            d[r] = p.esize == 64 ? x : b.or(b.and(old, b.c64(~mask)), b.shl(x, b.c64(shift)));
                        } else {
                            Value v = c.dreg(r);
                            if (p.esize == 64) {
                                b.store(c.address64(addr), v, 8, false);
                            } else {
                                c.store(addr, b.trunc32(b.shr(v, b.c64(shift))), bytes);
                            }
                        }
                    }
                }
            }
        }
        if (m != 15) {
            Value rn = c.reg(n);
            c.setReg(n, m == 13 ? b.add(rn, b.c32(offset)) : b.add(rn, c.reg(m)));
        }
        for (int r = 0; r < 32; r++) {
            if (d[r] != null) {
                c.setDreg(r, d[r]);
            }
        }
    }

    private static Value element(LiftContext c, Value addr, int bytes) {
        return bytes == 8 ? c.load64(addr) : c.b.zext64(c.load(addr, bytes, false));
    }

    private static long replicate(int esize) {
        return esize == 8 ? 0x0101_0101_0101_0101L : esize == 16 ? 0x0001_0001_0001_0001L
                : esize == 32 ? 0x0000_0001_0000_0001L : 1;
    }

    /** Registers of structure member i of register set k: d + k + i * inc (VLD1: members are sets). */
    private static int[][] registers(int d, int structures, int sets, int inc) {
        int[][] r = new int[structures][sets];
        for (int i = 0; i < structures; i++) {
            for (int k = 0; k < sets; k++) {
                r[i][k] = d + k + i * inc;
            }
        }
        return r;
    }

    private static int vd(int w) {
        return bit(w, 22) << 4 | (w >>> 12 & 0xF);
    }

    /** Multiple structures (A = 0): the type field bits 11:8. */
    private static Plan multiple(int w) {
        int type = w >>> 8 & 0xF, size = w >>> 6 & 3, align = w >>> 4 & 3, d = vd(w);
        int esize = 8 << size;
        int alignment = align == 0 ? 1 : 4 << align;
        switch (type) {
            case 0b0111, 0b1010, 0b0110, 0b0010 -> { // VLD1/VST1, 1 2 3 4 registers
                int regs = type == 0b0111 ? 1 : type == 0b1010 ? 2 : type == 0b0110 ? 3 : 4;
                if ((regs == 1 || regs == 3) && (align & 2) != 0 || regs == 2 && align == 3) {
                    return null;
                }
                return new Plan(1, esize, alignment, registers(d, 1, regs, 0), -1, false);
            }
            case 0b1000, 0b1001, 0b0011 -> { // VLD2/VST2
                if (size == 3 || type != 0b0011 && align == 3) {
                    return null;
                }
                int sets = type == 0b0011 ? 2 : 1, inc = type == 0b1001 ? 2 : type == 0b0011 ? 2 : 1;
                return new Plan(2, esize, alignment, registers(d, 2, sets, inc), -1, false);
            }
            case 0b0100, 0b0101 -> { // VLD3/VST3
                if (size == 3 || (align & 2) != 0) {
                    return null;
                }
                return new Plan(3, esize, (align & 1) != 0 ? 8 : 1, registers(d, 3, 1, type == 0b0101 ? 2 : 1), -1, false);
            }
            case 0b0000, 0b0001 -> { // VLD4/VST4
                if (size == 3) {
                    return null;
                }
                return new Plan(4, esize, alignment, registers(d, 4, 1, type == 0b0001 ? 2 : 1), -1, false);
            }
            default -> {
                return null;
            }
        }
    }

    /** Single structure to one lane (A = 1, size bits 11:10 != 11): index_align bits 7:4. */
    private static Plan oneLane(int w) {
        int size = w >>> 10 & 3, structures = (w >>> 8 & 3) + 1, ia = w >>> 4 & 0xF, d = vd(w);
        int esize = 8 << size;
        int index = ia >>> (size + 1);
        int inc = size > 0 && (ia >>> size & 1) != 0 ? 2 : 1;
        int alignment;
        switch (structures) {
            case 1 -> {
                if (size == 0 && (ia & 1) != 0 || size == 1 && (ia & 2) != 0 || size == 2 && (ia & 4) != 0
                        || size == 2 && (ia & 3) != 0 && (ia & 3) != 3) {
                    return null;
                }
                inc = 1;
                alignment = size == 0 ? 1 : size == 1 ? ((ia & 1) != 0 ? 2 : 1) : ((ia & 3) == 3 ? 4 : 1);
            }
            case 2 -> {
                if (size == 2 && (ia & 2) != 0) {
                    return null;
                }
                alignment = (ia & 1) != 0 ? 2 * esize / 8 : 1;
            }
            case 3 -> {
                if (size < 2 && (ia & 1) != 0 || size == 2 && (ia & 3) != 0) {
                    return null;
                }
                alignment = 1;
            }
            default -> {
                if (size == 2 && (ia & 3) == 3) {
                    return null;
                }
                alignment = size == 2 ? ((ia & 3) == 0 ? 1 : 4 << (ia & 3)) : (ia & 1) != 0 ? 4 * esize / 8 : 1;
            }
        }
        return new Plan(structures, esize, alignment, registers(d, structures, 1, inc), index, false);
    }

    /** Single structure to all lanes (loads only): bits 7:4 are size, T, a. */
    private static Plan allLanes(int w) {
        int structures = (w >>> 8 & 3) + 1, size = w >>> 6 & 3, t = bit(w, 5), a = bit(w, 4), d = vd(w);
        int esize = 8 << size;
        int alignment;
        int[][] regs;
        switch (structures) {
            case 1 -> {
                if (size == 3 || size == 0 && a == 1) {
                    return null;
                }
                alignment = a == 1 ? esize / 8 : 1;
                int[] set = new int[t + 1];
                for (int k = 0; k <= t; k++) {
                    set[k] = d + k;
                }
                regs = new int[][] {set};
            }
            case 2 -> {
                if (size == 3) {
                    return null;
                }
                alignment = a == 1 ? 2 * esize / 8 : 1;
                regs = registers(d, 2, 1, t + 1);
            }
            case 3 -> {
                if (size == 3 || a == 1) {
                    return null;
                }
                alignment = 1;
                regs = registers(d, 3, 1, t + 1);
            }
            default -> {
                if (size == 3 && a == 0) {
                    return null;
                }
                if (size == 3) {
                    esize = 32;
                    alignment = 16;
                } else {
                    alignment = a == 0 ? 1 : size == 2 ? 8 : 4 * esize / 8;
                }
                regs = registers(d, 4, 1, t + 1);
            }
        }
        return new Plan(structures, esize, alignment, regs, -1, true);
    }
}

package dev.emu.arm32.neon;

import static dev.emu.arm32.neon.Lanes.bit;

import dev.emu.core.cpu.CpuState;

/**
 * The Advanced SIMD groups that move bits rather than compute: A7.4.6 one register and a
 * modified immediate (VMOV, VMVN, VORR, VBIC immediate), VEXT, VTBL/VTBX and VDUP (scalar).
 */
final class Permute {
    private Permute() {}

    // ------------------------------------------------------------------ A7.4.6 modified immediate
    static boolean validModifiedImmediate(int w) {
        int cmode = w >>> 8 & 0xF, op = bit(w, 5);
        return !(bit(w, 6) == 1 && !Lanes.even(Lanes.vd(w))) && !(cmode == 0b1111 && op == 1);
    }

    /** AdvSIMDExpandImm. */
    static long expandImm(int op, int cmode, int imm8) {
        long i = imm8 & 0xFFL;
        return switch (cmode >> 1) {
            case 0 -> i * 0x0000_0001_0000_0001L;
            case 1 -> (i << 8) * 0x0000_0001_0000_0001L;
            case 2 -> (i << 16) * 0x0000_0001_0000_0001L;
            case 3 -> (i << 24) * 0x0000_0001_0000_0001L;
            case 4 -> i * 0x0001_0001_0001_0001L;
            case 5 -> (i << 8) * 0x0001_0001_0001_0001L;
            case 6 -> ((cmode & 1) == 0 ? i << 8 | 0xFF : i << 16 | 0xFFFF) * 0x0000_0001_0000_0001L;
            default -> {
                if ((cmode & 1) == 0 && op == 0) {
                    yield i * 0x0101_0101_0101_0101L;
                }
                if ((cmode & 1) == 0) {
                    long r = 0;
                    for (int b = 0; b < 8; b++) {
                        if ((imm8 >>> b & 1) != 0) {
                            r |= 0xFFL << (8 * b);
                        }
                    }
                    yield r;
                }
                long f = (i & 0x80) << 24 | ((i >> 6 & 1) ^ 1) << 30 | ((i >> 6 & 1) == 1 ? 0x1FL << 25 : 0)
                        | (i & 0x3F) << 19;
                yield f * 0x0000_0001_0000_0001L;
            }
        };
    }

    static void modifiedImmediate(CpuState s, int w) {
        int cmode = w >>> 8 & 0xF, op = bit(w, 5);
        int imm8 = bit(w, 24) << 7 | (w >>> 16 & 7) << 4 | (w & 0xF);
        long imm = expandImm(op, cmode, imm8);
        int d = Lanes.vd(w);
        long[] v = Lanes.read(s, d, Lanes.regs(w));
        boolean orr = (cmode < 12 && (cmode & 1) == 1);
        for (int i = 0; i < v.length; i++) {
            if (orr) {
                v[i] = op == 0 ? v[i] | imm : v[i] & ~imm;            // VORR, VBIC
            } else {
                v[i] = op == 0 || cmode == 0b1110 ? imm : ~imm;       // VMOV, VMVN
            }
        }
        Lanes.write(s, d, v);
    }

    // ------------------------------------------------------------------ VEXT
    static boolean validExt(int w) {
        boolean q = bit(w, 6) == 1;
        return q ? Lanes.even(Lanes.vd(w), Lanes.vn(w), Lanes.vm(w)) : bit(w, 11) == 0;
    }

    /** VEXT: bytes imm4.. of Vm:Vn (Vn the low part). */
    static void ext(CpuState s, int w) {
        int regs = Lanes.regs(w), imm4 = w >>> 8 & 0xF;
        long[] n = Lanes.read(s, Lanes.vn(w), regs), m = Lanes.read(s, Lanes.vm(w), regs);
        long[] all = new long[2 * regs];
        System.arraycopy(n, 0, all, 0, regs);
        System.arraycopy(m, 0, all, regs, regs);
        long[] r = new long[regs];
        for (int i = 0; i < 8 * regs; i++) {
            Lanes.set(r, i, 8, Lanes.get(all, i + imm4, 8, true));
        }
        Lanes.write(s, Lanes.vd(w), r);
    }

    // ------------------------------------------------------------------ VTBL, VTBX
    static boolean validTable(int w) {
        int length = (w >>> 8 & 3) + 1;
        return Lanes.vn(w) + length <= 32; // UNPREDICTABLE past D31
    }

    static void table(CpuState s, int w) {
        int length = (w >>> 8 & 3) + 1;
        boolean extension = bit(w, 6) == 1;
        long[] table = Lanes.read(s, Lanes.vn(w), length);
        long[] m = Lanes.read(s, Lanes.vm(w), 1);
        int d = Lanes.vd(w);
        long[] r = Lanes.read(s, d, 1);
        for (int i = 0; i < 8; i++) {
            int index = (int) Lanes.get(m, i, 8, true);
            if (index < 8 * length) {
                Lanes.set(r, i, 8, Lanes.get(table, index, 8, true));
            } else if (!extension) {
                Lanes.set(r, i, 8, 0);
            }
        }
        Lanes.write(s, d, r);
    }

    // ------------------------------------------------------------------ VDUP (scalar)
    static boolean validDupScalar(int w) {
        return (w >>> 16 & 7) != 0 && !(bit(w, 6) == 1 && !Lanes.even(Lanes.vd(w)));
    }

    static void dupScalar(CpuState s, int w) {
        int imm4 = w >>> 16 & 0xF;
        int esize = (imm4 & 1) != 0 ? 8 : (imm4 & 2) != 0 ? 16 : 32;
        int index = imm4 >>> (esize == 8 ? 1 : esize == 16 ? 2 : 3);
        long x = Lanes.get(Lanes.read(s, Lanes.vm(w), 1), index, esize, true);
        long[] r = new long[Lanes.regs(w)];
        for (int e = 0; e < Lanes.elements(r, esize); e++) {
            Lanes.set(r, e, esize, x);
        }
        Lanes.write(s, Lanes.vd(w), r);
    }
}

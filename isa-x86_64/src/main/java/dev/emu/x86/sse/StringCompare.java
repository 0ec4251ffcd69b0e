package dev.emu.x86.sse;

import dev.emu.core.cpu.CpuState;
import dev.emu.x86.X86Flags;
import dev.emu.x86.X86Registers;

/**
 * SSE4.2 PCMPESTRI, PCMPESTRM, PCMPISTRI, PCMPISTRM (SDM Vol. 2 4.1, "Imm8 Control Byte
 * Operation for PCMPESTRI / PCMPESTRM / PCMPISTRI / PCMPISTRM") and CRC32.
 *
 * <p>imm8[1:0] the element format (unsigned/signed bytes or words), [3:2] the aggregation
 * (equal any, ranges, equal each, equal ordered), [5:4] the polarity, [6] the output
 * selection. The first operand (xmm1) holds the set, ranges or needle; the second
 * (xmm2/m128) the string. Lengths are explicit (|EAX|, |EDX|, or RAX/RDX with REX.W,
 * saturated to the element count) or implicit (up to the first zero element).
 */
public final class StringCompare {
    private StringCompare() {}

    private static long element(long lo, long hi, int bits, boolean signed, int k) {
        long v = PackedInt.lane(lo, hi, bits, k);
        return signed ? PackedInt.sx(v, bits) : v;
    }

    private static int implicitLength(long lo, long hi, int bits, int n) {
        for (int k = 0; k < n; k++) {
            if (PackedInt.lane(lo, hi, bits, k) == 0) {
                return k;
            }
        }
        return n;
    }

    private static int explicitLength(long reg, boolean wide, int n) {
        long v = wide ? reg : (int) reg;
        if (v == Long.MIN_VALUE) {
            return n;
        }
        return (int) Math.min(Math.abs(v), n);
    }

    /**
     * The instruction on xmm1 = {@code dst} and the source {@code b}: {@code explicit} for the
     * E forms, {@code wide} for REX.W (64-bit lengths), {@code mask} for the M forms (result in
     * XMM0) else the I forms (index in ECX). Sets CF ZF SF OF, clears AF PF.
     */
    public static void pcmpstr(CpuState s, int imm, int dst, long bLo, long bHi, int explicit, int wide, int mask) {
        long[] r = s.regs;
        long aLo = r[X86Registers.xmmLo(dst)];
        long aHi = r[X86Registers.xmmHi(dst)];
        boolean words = (imm & 1) != 0;
        boolean signed = (imm & 2) != 0;
        int bits = words ? 16 : 8;
        int n = 128 / bits;
        int lenA;
        int lenB;
        if (explicit != 0) {
            lenA = explicitLength(r[X86Registers.RAX], wide != 0, n);
            lenB = explicitLength(r[X86Registers.RDX], wide != 0, n);
        } else {
            lenA = implicitLength(aLo, aHi, bits, n);
            lenB = implicitLength(bLo, bHi, bits, n);
        }
        int agg = (imm >> 2) & 3;
        int res1 = 0;
        for (int j = 0; j < n; j++) {
            boolean bit = switch (agg) {
                case 0 -> { // equal any
                    boolean any = false;
                    for (int i = 0; i < lenA && j < lenB; i++) {
                        any |= element(aLo, aHi, bits, signed, i) == element(bLo, bHi, bits, signed, j);
                    }
                    yield any;
                }
                case 1 -> { // ranges: a[i] <= b[j] <= a[i + 1] for an even i
                    boolean any = false;
                    for (int i = 0; i + 1 < lenA && j < lenB; i += 2) {
                        long v = element(bLo, bHi, bits, signed, j);
                        any |= element(aLo, aHi, bits, signed, i) <= v && v <= element(aLo, aHi, bits, signed, i + 1);
                    }
                    yield any;
                }
                case 2 -> { // equal each
                    boolean va = j < lenA;
                    boolean vb = j < lenB;
                    yield va && vb ? element(aLo, aHi, bits, signed, j) == element(bLo, bHi, bits, signed, j) : va == vb;
                }
                default -> { // equal ordered: the needle a at position j of b
                    boolean all = true;
                    for (int i = 0; i < n - j && all; i++) {
                        if (i >= lenA) {
                            break; // the rest of the needle is invalid: true
                        }
                        all = j + i < lenB
                                && element(aLo, aHi, bits, signed, i) == element(bLo, bHi, bits, signed, j + i);
                    }
                    yield all;
                }
            };
            if (bit) {
                res1 |= 1 << j;
            }
        }
        int full = (1 << n) - 1;
        int res2 = switch ((imm >> 4) & 3) {
            case 1 -> ~res1 & full;
            case 3 -> res1 ^ ((1 << lenB) - 1);
            default -> res1;
        };
        boolean msb = (imm & 0x40) != 0;
        if (mask != 0) {
            long lo;
            long hi;
            if (msb) {
                long[] lanes = new long[n];
                for (int k = 0; k < n; k++) {
                    lanes[k] = (res2 >> k & 1) != 0 ? -1L : 0;
                }
                long[] out = new long[2];
                PackedInt.pack(lanes, bits, out);
                lo = out[0];
                hi = out[1];
            } else {
                lo = res2;
                hi = 0;
            }
            r[X86Registers.xmmLo(0)] = lo;
            r[X86Registers.xmmHi(0)] = hi;
        } else {
            int index = res2 == 0 ? n : msb ? 31 - Integer.numberOfLeadingZeros(res2) : Integer.numberOfTrailingZeros(res2);
            r[X86Registers.RCX] = index;
        }
        X86Registers.setArithFlags(r, (res2 != 0 ? X86Flags.CF : 0) | (lenB < n ? X86Flags.ZF : 0)
                | (lenA < n ? X86Flags.SF : 0) | ((res2 & 1) != 0 ? X86Flags.OF : 0));
    }

    private static final int[] CRC32C_TABLE = new int[256];

    static {
        for (int k = 0; k < 256; k++) {
            int c = k;
            for (int b = 0; b < 8; b++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F6_3B78 : c >>> 1;
            }
            CRC32C_TABLE[k] = c;
        }
    }

    /** CRC32 (SSE4.2): the CRC-32C (Castagnoli) of {@code bytes} bytes of data, little-endian, from crc; no inversions. */
    public static int crc32c(int crc, long data, int bytes) {
        for (int k = 0; k < bytes; k++) {
            crc = (crc >>> 8) ^ CRC32C_TABLE[(crc ^ (int) (data >>> (8 * k))) & 0xFF];
        }
        return crc;
    }
}

package dev.emu.x86.sse;

/**
 * The SSE2..SSE4.2 integer operations on 128-bit registers (but the ones {@code SseSwar} lifts to IR) (SDM Vol. 1 11.4.3, Vol. 2 by mnemonic),
 * computed on the two 64-bit halves a register is kept in. {@link #compute} takes the
 * destination (first source) {@code a} and the source {@code b} and writes the result
 * halves into {@code out}. Lane-wise operations share {@link #lanes}; the ones that move
 * data across lanes (unpacks, packs, shuffles, byte shifts, PMADDWD, PSADBW, PMULUDQ) have
 * their own bodies.
 */
public enum PackedInt {
    PADDSB, PADDSW, PADDUSB, PADDUSW,
    PSUBSB, PSUBSW, PSUBUSB, PSUBUSW,
    PMULLW, PMULHW, PMULHUW, PMULUDQ, PMADDWD, PSADBW,
    PAVGB, PAVGW, PMINUB, PMAXUB, PMINSW, PMAXSW,
    PCMPGTB, PCMPGTW, PCMPGTD,
    PUNPCKLBW, PUNPCKLWD, PUNPCKLDQ, PUNPCKLQDQ,
    PUNPCKHBW, PUNPCKHWD, PUNPCKHDQ, PUNPCKHQDQ,
    PACKSSWB, PACKSSDW, PACKUSWB,
    /** imm8 selects the lanes. */
    PSHUFD, PSHUFLW, PSHUFHW,
    /** Shift counts from the low quadword of the source (xmm/m128 forms). */
    PSRLW, PSRLD, PSRLQ, PSRAW, PSRAD, PSLLW, PSLLD, PSLLQ,
    /** Immediate shift counts (groups 12-14: the destination is ModRM.rm, imm8 the count). */
    PSRLW_I, PSRLD_I, PSRLQ_I, PSRAW_I, PSRAD_I, PSLLW_I, PSLLD_I, PSLLQ_I, PSRLDQ_I, PSLLDQ_I,
    /** SHUFPS: two singles of the destination, two of the source, by imm8; SHUFPD likewise for doubles. */
    SHUFPS, SHUFPD,
    // SSE3: duplicates of the source's elements
    MOVSLDUP, MOVSHDUP, MOVDDUP,
    // SSSE3 (66 0F 38 xx, 66 0F 3A 0F)
    PSHUFB, PHADDW, PHADDD, PHADDSW, PMADDUBSW, PHSUBW, PHSUBD, PHSUBSW, PSIGNB, PSIGNW, PSIGND, PMULHRSW,
    PABSB, PABSW, PABSD, PALIGNR,
    // SSE4.1 (66 0F 38 xx, 66 0F 3A xx)
    PMULDQ, PACKUSDW, PMINSB, PMINSD, PMINUW, PMINUD, PMAXSB, PMAXSD, PMAXUW, PMAXUD, PMULLD, PHMINPOSUW,
    PBLENDW, BLENDPS, BLENDPD, MPSADBW, INSERTPS,
    /** Sign/zero extension of the source's low lanes (the lifter loads only the bytes used). */
    PMOVSXBW, PMOVSXBD, PMOVSXBQ, PMOVSXWD, PMOVSXWQ, PMOVSXDQ,
    PMOVZXBW, PMOVZXBD, PMOVZXBQ, PMOVZXWD, PMOVZXWQ, PMOVZXDQ,
    // SSE4.2
    PCMPGTQ;

    private static final PackedInt[] VALUES = values();

    public static PackedInt of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The lane {@code k} of {@code bits} bits, zero-extended. */
    static long lane(long lo, long hi, int bits, int k) {
        int perHalf = 64 / bits;
        long half = k < perHalf ? lo : hi;
        int shift = (k % perHalf) * bits;
        return bits == 64 ? half : (half >>> shift) & ((1L << bits) - 1);
    }

    static long sx(long v, int bits) {
        return v << (64 - bits) >> (64 - bits);
    }

    static long saturate(long v, long min, long max) {
        return Math.max(min, Math.min(max, v));
    }

    /** Packs {@code 128 / bits} lane values (truncated) into {@code out}. */
    static void pack(long[] lanes, int bits, long[] out) {
        int perHalf = 64 / bits;
        long m = bits == 64 ? -1L : (1L << bits) - 1;
        out[0] = 0;
        out[1] = 0;
        for (int k = 0; k < lanes.length; k++) {
            out[k / perHalf] |= (lanes[k] & m) << ((k % perHalf) * bits);
        }
    }

    @FunctionalInterface
    interface LaneOp {
        /** a, b zero-extended lanes; the result is truncated to the lane. */
        long apply(long a, long b);
    }

    static void lanes(long aLo, long aHi, long bLo, long bHi, int bits, LaneOp f, long[] out) {
        int n = 128 / bits;
        long[] r = new long[n];
        for (int k = 0; k < n; k++) {
            r[k] = f.apply(lane(aLo, aHi, bits, k), lane(bLo, bHi, bits, k));
        }
        pack(r, bits, out);
    }

    static long mask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    private static LaneOp addSigned(int bits, int sign) {
        long min = -(1L << (bits - 1));
        long max = (1L << (bits - 1)) - 1;
        return (a, b) -> saturate(sx(a, bits) + sign * sx(b, bits), min, max);
    }

    private static LaneOp addUnsigned(int bits, int sign) {
        return (a, b) -> saturate(a + sign * b, 0, mask(bits));
    }

    private static LaneOp greater(int bits) {
        return (a, b) -> sx(a, bits) > sx(b, bits) ? -1L : 0;
    }

    /** The result of this operation on {@code a} (destination) and {@code b} (source) into out[0..1]. */
    public void compute(long aLo, long aHi, long bLo, long bHi, int imm, long[] out) {
        switch (this) {
            case PADDSB -> lanes(aLo, aHi, bLo, bHi, 8, addSigned(8, 1), out);
            case PADDSW -> lanes(aLo, aHi, bLo, bHi, 16, addSigned(16, 1), out);
            case PADDUSB -> lanes(aLo, aHi, bLo, bHi, 8, addUnsigned(8, 1), out);
            case PADDUSW -> lanes(aLo, aHi, bLo, bHi, 16, addUnsigned(16, 1), out);
            case PSUBSB -> lanes(aLo, aHi, bLo, bHi, 8, addSigned(8, -1), out);
            case PSUBSW -> lanes(aLo, aHi, bLo, bHi, 16, addSigned(16, -1), out);
            case PSUBUSB -> lanes(aLo, aHi, bLo, bHi, 8, addUnsigned(8, -1), out);
            case PSUBUSW -> lanes(aLo, aHi, bLo, bHi, 16, addUnsigned(16, -1), out);
            case PMULLW -> lanes(aLo, aHi, bLo, bHi, 16, (a, b) -> a * b, out);
            case PMULHW -> lanes(aLo, aHi, bLo, bHi, 16, (a, b) -> (sx(a, 16) * sx(b, 16)) >> 16, out);
            case PMULHUW -> lanes(aLo, aHi, bLo, bHi, 16, (a, b) -> (a * b) >>> 16, out);
            case PMULUDQ -> {
                out[0] = (aLo & 0xFFFF_FFFFL) * (bLo & 0xFFFF_FFFFL);
                out[1] = (aHi & 0xFFFF_FFFFL) * (bHi & 0xFFFF_FFFFL);
            }
            case PMADDWD -> {
                long[] r = new long[4];
                for (int k = 0; k < 4; k++) {
                    long p0 = sx(lane(aLo, aHi, 16, 2 * k), 16) * sx(lane(bLo, bHi, 16, 2 * k), 16);
                    long p1 = sx(lane(aLo, aHi, 16, 2 * k + 1), 16) * sx(lane(bLo, bHi, 16, 2 * k + 1), 16);
                    r[k] = p0 + p1; // wraps only for 0x8000 * 0x8000 twice, as hardware does
                }
                pack(r, 32, out);
            }
            case PSADBW -> {
                out[0] = sad(aLo, bLo);
                out[1] = sad(aHi, bHi);
            }
            case PAVGB -> lanes(aLo, aHi, bLo, bHi, 8, (a, b) -> (a + b + 1) >>> 1, out);
            case PAVGW -> lanes(aLo, aHi, bLo, bHi, 16, (a, b) -> (a + b + 1) >>> 1, out);
            case PMINUB -> lanes(aLo, aHi, bLo, bHi, 8, Math::min, out);
            case PMAXUB -> lanes(aLo, aHi, bLo, bHi, 8, Math::max, out);
            case PMINSW -> lanes(aLo, aHi, bLo, bHi, 16, (a, b) -> Math.min(sx(a, 16), sx(b, 16)), out);
            case PMAXSW -> lanes(aLo, aHi, bLo, bHi, 16, (a, b) -> Math.max(sx(a, 16), sx(b, 16)), out);
            case PCMPGTB -> lanes(aLo, aHi, bLo, bHi, 8, greater(8), out);
            case PCMPGTW -> lanes(aLo, aHi, bLo, bHi, 16, greater(16), out);
            case PCMPGTD -> lanes(aLo, aHi, bLo, bHi, 32, greater(32), out);
            case PUNPCKLBW -> interleave(aLo, bLo, 8, out);
            case PUNPCKLWD -> interleave(aLo, bLo, 16, out);
            case PUNPCKLDQ -> interleave(aLo, bLo, 32, out);
            case PUNPCKLQDQ -> interleave(aLo, bLo, 64, out);
            case PUNPCKHBW -> interleave(aHi, bHi, 8, out);
            case PUNPCKHWD -> interleave(aHi, bHi, 16, out);
            case PUNPCKHDQ -> interleave(aHi, bHi, 32, out);
            case PUNPCKHQDQ -> interleave(aHi, bHi, 64, out);
            case PACKSSWB -> narrow(aLo, aHi, bLo, bHi, 16, -128, 127, out);
            case PACKSSDW -> narrow(aLo, aHi, bLo, bHi, 32, -32768, 32767, out);
            case PACKUSWB -> narrow(aLo, aHi, bLo, bHi, 16, 0, 255, out);
            case PSHUFD -> {
                long[] r = new long[4];
                for (int k = 0; k < 4; k++) {
                    r[k] = lane(bLo, bHi, 32, (imm >> (2 * k)) & 3);
                }
                pack(r, 32, out);
            }
            case PSHUFLW -> {
                out[0] = shuffleWords(bLo, imm);
                out[1] = bHi;
            }
            case PSHUFHW -> {
                out[0] = bLo;
                out[1] = shuffleWords(bHi, imm);
            }
            case PSRLW, PSRLD, PSRLQ, PSRAW, PSRAD, PSLLW, PSLLD, PSLLQ ->
                    shift(ordinal() - PSRLW.ordinal(), aLo, aHi, bLo, out);
            case PSRLW_I, PSRLD_I, PSRLQ_I, PSRAW_I, PSRAD_I, PSLLW_I, PSLLD_I, PSLLQ_I ->
                    shift(ordinal() - PSRLW_I.ordinal(), aLo, aHi, imm & 0xFF, out);
            case PSRLDQ_I -> byteShift(aLo, aHi, -Math.min(imm & 0xFF, 16), out);
            case PSLLDQ_I -> byteShift(aLo, aHi, Math.min(imm & 0xFF, 16), out);
            case SHUFPS -> {
                long[] r = {lane(aLo, aHi, 32, imm & 3), lane(aLo, aHi, 32, (imm >> 2) & 3),
                    lane(bLo, bHi, 32, (imm >> 4) & 3), lane(bLo, bHi, 32, (imm >> 6) & 3)};
                pack(r, 32, out);
            }
            case MOVSLDUP -> pack(new long[] {lane(bLo, bHi, 32, 0), lane(bLo, bHi, 32, 0), lane(bLo, bHi, 32, 2),
                lane(bLo, bHi, 32, 2)}, 32, out);
            case MOVSHDUP -> pack(new long[] {lane(bLo, bHi, 32, 1), lane(bLo, bHi, 32, 1), lane(bLo, bHi, 32, 3),
                lane(bLo, bHi, 32, 3)}, 32, out);
            case MOVDDUP -> {
                out[0] = bLo;
                out[1] = bLo;
            }
            case PSHUFB -> {
                long[] r = new long[16];
                for (int k = 0; k < 16; k++) {
                    long sel = lane(bLo, bHi, 8, k);
                    r[k] = (sel & 0x80) != 0 ? 0 : lane(aLo, aHi, 8, (int) (sel & 15));
                }
                pack(r, 8, out);
            }
            case PHADDW -> horizontal(aLo, aHi, bLo, bHi, 16, (x, y) -> x + y, out);
            case PHADDD -> horizontal(aLo, aHi, bLo, bHi, 32, (x, y) -> x + y, out);
            case PHADDSW -> horizontal(aLo, aHi, bLo, bHi, 16, (x, y) -> saturate(sx(x, 16) + sx(y, 16), -32768, 32767),
                    out);
            case PHSUBW -> horizontal(aLo, aHi, bLo, bHi, 16, (x, y) -> x - y, out);
            case PHSUBD -> horizontal(aLo, aHi, bLo, bHi, 32, (x, y) -> x - y, out);
            case PHSUBSW -> horizontal(aLo, aHi, bLo, bHi, 16, (x, y) -> saturate(sx(x, 16) - sx(y, 16), -32768, 32767),
                    out);
            case PMADDUBSW -> {
                long[] r = new long[8];
                for (int k = 0; k < 8; k++) {
                    long p0 = lane(aLo, aHi, 8, 2 * k) * sx(lane(bLo, bHi, 8, 2 * k), 8);
                    long p1 = lane(aLo, aHi, 8, 2 * k + 1) * sx(lane(bLo, bHi, 8, 2 * k + 1), 8);
                    r[k] = saturate(p0 + p1, -32768, 32767);
                }
                pack(r, 16, out);
            }
            case PSIGNB -> lanes(aLo, aHi, bLo, bHi, 8, sign(8), out);
            case PSIGNW -> lanes(aLo, aHi, bLo, bHi, 16, sign(16), out);
            case PSIGND -> lanes(aLo, aHi, bLo, bHi, 32, sign(32), out);
            case PMULHRSW -> lanes(aLo, aHi, bLo, bHi, 16, (a, b) -> ((sx(a, 16) * sx(b, 16) >> 14) + 1) >> 1, out);
            case PABSB -> lanes(bLo, bHi, 0, 0, 8, (a, b) -> Math.abs(sx(a, 8)), out);
            case PABSW -> lanes(bLo, bHi, 0, 0, 16, (a, b) -> Math.abs(sx(a, 16)), out);
            case PABSD -> lanes(bLo, bHi, 0, 0, 32, (a, b) -> Math.abs(sx(a, 32)), out);
            case PALIGNR -> {
                // the 32 bytes a:b (b the low half) shifted right by imm bytes
                int n = imm & 0xFF;
                long[] r = new long[16];
                for (int k = 0; k < 16; k++) {
                    int src = n + k;
                    r[k] = src < 16 ? lane(bLo, bHi, 8, src) : src < 32 ? lane(aLo, aHi, 8, src - 16) : 0;
                }
                pack(r, 8, out);
            }
            case PMULDQ -> {
                out[0] = (long) (int) aLo * (int) bLo;
                out[1] = (long) (int) aHi * (int) bHi;
            }
            case PCMPGTQ -> {
                out[0] = aLo > bLo ? -1L : 0;
                out[1] = aHi > bHi ? -1L : 0;
            }
            case PACKUSDW -> narrow(aLo, aHi, bLo, bHi, 32, 0, 65535, out);
            case PMINSB -> lanes(aLo, aHi, bLo, bHi, 8, (a, b) -> Math.min(sx(a, 8), sx(b, 8)), out);
            case PMINSD -> lanes(aLo, aHi, bLo, bHi, 32, (a, b) -> Math.min(sx(a, 32), sx(b, 32)), out);
            case PMINUW -> lanes(aLo, aHi, bLo, bHi, 16, Math::min, out);
            case PMINUD -> lanes(aLo, aHi, bLo, bHi, 32, Math::min, out);
            case PMAXSB -> lanes(aLo, aHi, bLo, bHi, 8, (a, b) -> Math.max(sx(a, 8), sx(b, 8)), out);
            case PMAXSD -> lanes(aLo, aHi, bLo, bHi, 32, (a, b) -> Math.max(sx(a, 32), sx(b, 32)), out);
            case PMAXUW -> lanes(aLo, aHi, bLo, bHi, 16, Math::max, out);
            case PMAXUD -> lanes(aLo, aHi, bLo, bHi, 32, Math::max, out);
            case PMULLD -> lanes(aLo, aHi, bLo, bHi, 32, (a, b) -> a * b, out);
            case PHMINPOSUW -> {
                int at = 0;
                for (int k = 1; k < 8; k++) {
                    if (lane(bLo, bHi, 16, k) < lane(bLo, bHi, 16, at)) {
                        at = k;
                    }
                }
                out[0] = lane(bLo, bHi, 16, at) | (long) at << 16;
                out[1] = 0;
            }
            case PBLENDW -> select(aLo, aHi, bLo, bHi, 16, imm, out);
            case BLENDPS -> select(aLo, aHi, bLo, bHi, 32, imm, out);
            case BLENDPD -> select(aLo, aHi, bLo, bHi, 64, imm, out);
            case MPSADBW -> {
                int offA = ((imm >> 2) & 1) * 4;
                int offB = (imm & 3) * 4;
                long[] r = new long[8];
                for (int k = 0; k < 8; k++) {
                    long sum = 0;
                    for (int j = 0; j < 4; j++) {
                        sum += Math.abs(lane(aLo, aHi, 8, offA + k + j) - lane(bLo, bHi, 8, offB + j));
                    }
                    r[k] = sum;
                }
                pack(r, 16, out);
            }
            case INSERTPS -> {
                long[] r = new long[4];
                for (int k = 0; k < 4; k++) {
                    r[k] = (imm >> k & 1) != 0 ? 0
                            : k == ((imm >> 4) & 3) ? lane(bLo, bHi, 32, (imm >> 6) & 3) : lane(aLo, aHi, 32, k);
                }
                pack(r, 32, out);
            }
            case PMOVSXBW -> extend(bLo, 8, 16, true, out);
            case PMOVSXBD -> extend(bLo, 8, 32, true, out);
            case PMOVSXBQ -> extend(bLo, 8, 64, true, out);
            case PMOVSXWD -> extend(bLo, 16, 32, true, out);
            case PMOVSXWQ -> extend(bLo, 16, 64, true, out);
            case PMOVSXDQ -> extend(bLo, 32, 64, true, out);
            case PMOVZXBW -> extend(bLo, 8, 16, false, out);
            case PMOVZXBD -> extend(bLo, 8, 32, false, out);
            case PMOVZXBQ -> extend(bLo, 8, 64, false, out);
            case PMOVZXWD -> extend(bLo, 16, 32, false, out);
            case PMOVZXWQ -> extend(bLo, 16, 64, false, out);
            case PMOVZXDQ -> extend(bLo, 32, 64, false, out);
            case SHUFPD -> {
                out[0] = (imm & 1) == 0 ? aLo : aHi;
                out[1] = (imm & 2) == 0 ? bLo : bHi;
            }
        }
    }

    /** Lanes of b where imm's bit is set, else of a (PBLENDW, BLENDPS, BLENDPD). */
    private static void select(long aLo, long aHi, long bLo, long bHi, int bits, int imm, long[] out) {
        int n = 128 / bits;
        long[] r = new long[n];
        for (int k = 0; k < n; k++) {
            r[k] = (imm >> k & 1) != 0 ? lane(bLo, bHi, bits, k) : lane(aLo, aHi, bits, k);
        }
        pack(r, bits, out);
    }

    /** PMOVSX/PMOVZX: the low lanes of {@code from} bits of v widened to {@code to} bits. */
    private static void extend(long v, int from, int to, boolean signed, long[] out) {
        int n = 128 / to;
        long[] r = new long[n];
        for (int k = 0; k < n; k++) {
            long x = lane(v, 0, from, k);
            r[k] = signed ? sx(x, from) : x;
        }
        pack(r, to, out);
    }

    private static LaneOp sign(int bits) {
        return (a, b) -> {
            long sb = sx(b, bits);
            return sb < 0 ? -a : sb == 0 ? 0 : a;
        };
    }

    /** PHADD*, PHSUB*: pairs of a's lanes, then pairs of b's, combined by f. */
    private static void horizontal(long aLo, long aHi, long bLo, long bHi, int bits, LaneOp f, long[] out) {
        int n = 128 / bits;
        long[] r = new long[n];
        for (int k = 0; k < n / 2; k++) {
            r[k] = f.apply(lane(aLo, aHi, bits, 2 * k), lane(aLo, aHi, bits, 2 * k + 1));
            r[n / 2 + k] = f.apply(lane(bLo, bHi, bits, 2 * k), lane(bLo, bHi, bits, 2 * k + 1));
        }
        pack(r, bits, out);
    }

    private static long sad(long a, long b) {
        long s = 0;
        for (int k = 0; k < 8; k++) {
            s += Math.abs(((a >>> (8 * k)) & 0xFF) - ((b >>> (8 * k)) & 0xFF));
        }
        return s;
    }

    /** PUNPCK*: the lanes of one half of a and b alternately, a first. */
    private static void interleave(long a, long b, int bits, long[] out) {
        int n = 64 / bits;
        long[] r = new long[2 * n];
        for (int k = 0; k < n; k++) {
            r[2 * k] = lane(a, 0, bits, k);
            r[2 * k + 1] = lane(b, 0, bits, k);
        }
        pack(r, bits, out);
    }

    /** PACKSSWB, PACKSSDW, PACKUSWB: a's lanes then b's, each saturated to half the width. */
    private static void narrow(long aLo, long aHi, long bLo, long bHi, int bits, long min, long max, long[] out) {
        int n = 128 / bits;
        long[] r = new long[2 * n];
        for (int k = 0; k < n; k++) {
            r[k] = saturate(sx(lane(aLo, aHi, bits, k), bits), min, max);
            r[n + k] = saturate(sx(lane(bLo, bHi, bits, k), bits), min, max);
        }
        pack(r, bits / 2, out);
    }

    private static long shuffleWords(long v, int imm) {
        long r = 0;
        for (int k = 0; k < 4; k++) {
            r |= lane(v, 0, 16, (imm >> (2 * k)) & 3) << (16 * k);
        }
        return r;
    }

    /**
     * kind 0..7: PSRLW PSRLD PSRLQ PSRAW PSRAD PSLLW PSLLD PSLLQ by an unsigned 64-bit count:
     * a count past the lane width gives 0 (logical) or the sign (arithmetic).
     */
    private static void shift(int kind, long aLo, long aHi, long count, long[] out) {
        int bits = switch (kind) {
            case 0, 5 -> 16;
            case 1, 6 -> 32;
            case 3 -> 16;
            case 4 -> 32;
            default -> 64;
        };
        boolean big = Long.compareUnsigned(count, bits) >= 0;
        int n = big ? bits : (int) count;
        LaneOp f = switch (kind) {
            case 0, 1, 2 -> (a, b) -> big ? 0 : a >>> n;
            case 3, 4 -> (a, b) -> sx(a, bits) >> Math.min(n, bits - 1);
            default -> (a, b) -> big ? 0 : a << n;
        };
        lanes(aLo, aHi, 0, 0, bits, f, out);
    }

    /** PSLLDQ (n > 0) / PSRLDQ (n < 0) by |n| bytes, 0..16. */
    private static void byteShift(long lo, long hi, int n, long[] out) {
        int bitsShift = Math.abs(n) * 8;
        if (bitsShift >= 128) {
            out[0] = 0;
            out[1] = 0;
        } else if (n >= 0) {
            out[0] = bitsShift >= 64 ? 0 : lo << bitsShift;
            out[1] = bitsShift >= 64 ? lo << (bitsShift - 64) : bitsShift == 0 ? hi : hi << bitsShift | lo >>> (64 - bitsShift);
        } else {
            out[1] = bitsShift >= 64 ? 0 : hi >>> bitsShift;
            out[0] = bitsShift >= 64 ? hi >>> (bitsShift - 64) : bitsShift == 0 ? lo : lo >>> bitsShift | hi << (64 - bitsShift);
        }
    }
}

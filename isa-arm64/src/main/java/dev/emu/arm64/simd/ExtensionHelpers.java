package dev.emu.arm64.simd;

import static dev.emu.arm64.simd.Vec.get;
import static dev.emu.arm64.simd.Vec.set;
import static dev.emu.arm64.simd.Vec.sget;

import dev.emu.core.cpu.CpuState;

import java.math.BigInteger;

/**
 * C4.1 Advanced SIMD three-register extension (vector and scalar): SDOT/UDOT (FEAT_DotProd)
 * and SQRDMLAH/SQRDMLSH (FEAT_RDM); their by-element forms share the lanes here.
 */
public final class ExtensionHelpers {
    private ExtensionHelpers() {}

    public static boolean valid(int w) {
        boolean scalar = (w >>> 28 & 1) != 0;
        int u = w >>> 29 & 1, size = w >>> 22 & 3, opcode = w >>> 11 & 15;
        return switch (opcode) {
            case 0b0000, 0b0001 -> u == 1 && (size == 1 || size == 2);  // SQRDMLAH, SQRDMLSH
            case 0b0010 -> !scalar && size == 2;                         // SDOT, UDOT
            default -> false;
        };
    }

    public static void exec(CpuState s, int w) {
        boolean scalar = (w >>> 28 & 1) != 0, q = (w >>> 30 & 1) != 0;
        boolean u = (w >>> 29 & 1) != 0;
        int size = w >>> 22 & 3, m = w >>> 16 & 31, opcode = w >>> 11 & 15, n = w >>> 5 & 31, d = w & 31;
        long[] v = s.regs;
        int a = Vec.at(n), b = Vec.at(m), acc = Vec.at(d), r = Vec.result(s);
        if (opcode == 0b0010) {
            for (int i = 0; i < (q ? 4 : 2); i++) {
                set(v, r, i, 32, get(v, acc, i, 32) + dot(v, a, i, b, i, u));
            }
            Vec.write(s, d, q);
            return;
        }
        int e = 8 << size, lanes = scalar ? 1 : (q ? 128 : 64) / e;
        for (int i = 0; i < lanes; i++) {
            set(v, r, i, e, rdmlah(s, sget(v, acc, i, e), sget(v, a, i, e), sget(v, b, i, e), e, opcode == 0b0001));
        }
        Vec.write(s, d, q && !scalar);
    }

    /** Sum of the products of the four bytes of 32-bit lane i of v[a..] and lane j of v[b..]. */
    static long dot(long[] v, int a, int i, int b, int j, boolean unsigned) {
        long sum = 0;
        for (int k = 0; k < 4; k++) {
            long x = unsigned ? get(v, a, 4 * i + k, 8) : sget(v, a, 4 * i + k, 8);
            long y = unsigned ? get(v, b, 4 * j + k, 8) : sget(v, b, 4 * j + k, 8);
            sum += x * y;
        }
        return sum;
    }

    /** SQRDMLAH/SQRDMLSH lane: SignedSat(((acc << e) +/- 2*a*b + (1 << (e-1))) >> e). */
    static long rdmlah(CpuState s, long acc, long a, long b, int e, boolean subtract) {
        BigInteger prod = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).shiftLeft(1);
        BigInteger sum = BigInteger.valueOf(acc).shiftLeft(e).add(subtract ? prod.negate() : prod)
                .add(BigInteger.ONE.shiftLeft(e - 1));
        long v = sum.shiftRight(e).longValue(); // fits: |result| < 2^(e+2)
        return Vec.satS(s, v, e);
    }
}

package dev.emu.arm64.simd;

import static dev.emu.arm64.simd.Vec.get;
import static dev.emu.arm64.simd.Vec.set;

import dev.emu.core.cpu.CpuState;

/**
 * C4.1 Cryptographic AES, three-register SHA and two-register SHA (FEAT_AES, FEAT_SHA1,
 * FEAT_SHA256), after the Arm ARM pseudocode. The AES state is the register's 16 bytes,
 * column-major (byte 4c + r is row r of column c); the S-boxes are computed, not stored.
 */
public final class CryptoHelpers {
    private CryptoHelpers() {}

    private static final int[] SBOX = new int[256], INV_SBOX = new int[256];

    static {
        for (int x = 0; x < 256; x++) {
            int inv = x == 0 ? 0 : inverse(x);
            int s = inv ^ Integer.rotateLeft(inv, 1) ^ Integer.rotateLeft(inv, 2) ^ Integer.rotateLeft(inv, 3)
                    ^ Integer.rotateLeft(inv, 4);
            s = (s ^ (s >>> 8)) & 0xFF ^ 0x63;
            SBOX[x] = s;
            INV_SBOX[s] = x;
        }
    }

    /** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
    static int gmul(int a, int b) {
        int r = 0;
        while (b != 0) {
            if ((b & 1) != 0) {
                r ^= a;
            }
            a = (a << 1) ^ ((a & 0x80) != 0 ? 0x11B : 0);
            b >>>= 1;
        }
        return r & 0xFF;
    }

    private static int inverse(int x) {
        int r = 1;
        for (int i = 0; i < 254; i++) { // x^254 = x^-1
            r = gmul(r, x);
        }
        return r;
    }

    public static boolean validAes(int w) {
        int size = w >>> 22 & 3, opcode = w >>> 12 & 31;
        return size == 0 && opcode >= 0b00100 && opcode <= 0b00111;
    }

    public static void aes(CpuState s, int w) {
        int opcode = w >>> 12 & 31, n = w >>> 5 & 31, d = w & 31;
        long[] v = s.regs;
        int a = Vec.at(n), acc = Vec.at(d);
        int[] st = new int[16];
        for (int i = 0; i < 16; i++) {
            st[i] = (int) get(v, a, i, 8);
            if (opcode <= 0b00101) {
                st[i] ^= (int) get(v, acc, i, 8);
            }
        }
        int[] out = new int[16];
        switch (opcode) {
            case 0b00100 -> { // AESE: ShiftRows then SubBytes
                for (int c = 0; c < 4; c++) {
                    for (int r = 0; r < 4; r++) {
                        out[4 * c + r] = SBOX[st[4 * ((c + r) & 3) + r]];
                    }
                }
            }
            case 0b00101 -> { // AESD: InvShiftRows then InvSubBytes
                for (int c = 0; c < 4; c++) {
                    for (int r = 0; r < 4; r++) {
                        out[4 * c + r] = INV_SBOX[st[4 * ((c - r) & 3) + r]];
                    }
                }
            }
            default -> { // AESMC, AESIMC
                int[] k = opcode == 0b00110 ? new int[] {2, 3, 1, 1} : new int[] {14, 11, 13, 9};
                for (int c = 0; c < 4; c++) {
                    for (int r = 0; r < 4; r++) {
                        int mixed = 0;
                        for (int j = 0; j < 4; j++) {
                            mixed ^= gmul(st[4 * c + j], k[(j - r) & 3]);
                        }
                        out[4 * c + r] = mixed;
                    }
                }
            }
        }
        int res = Vec.result(s);
        for (int i = 0; i < 16; i++) {
            set(v, res, i, 8, out[i]);
        }
        Vec.write(s, d, true);
    }

    // ------------------------------------------------------------------ SHA
    public static boolean validSha3(int w) {
        return (w >>> 22 & 3) == 0 && (w >>> 12 & 7) != 7;
    }

    public static boolean validSha2(int w) {
        return (w >>> 22 & 3) == 0 && (w >>> 12 & 31) <= 2;
    }

    private static int choose(int x, int y, int z) {
        return ((y ^ z) & x) ^ z;
    }

    private static int parity(int x, int y, int z) {
        return x ^ y ^ z;
    }

    private static int majority(int x, int y, int z) {
        return (x & y) | ((x | y) & z);
    }

    private static int[] words(CpuState s, int r) {
        long lo = s.regs[Vec.at(r)], hi = s.regs[Vec.at(r) + 1];
        return new int[] {(int) lo, (int) (lo >>> 32), (int) hi, (int) (hi >>> 32)};
    }

    private static void write(CpuState s, int d, int[] x) {
        Vec.write(s, d, x[0] & 0xFFFF_FFFFL | (long) x[1] << 32, x[2] & 0xFFFF_FFFFL | (long) x[3] << 32);
    }

    public static void sha3(CpuState s, int w) {
        int m = w >>> 16 & 31, opcode = w >>> 12 & 7, n = w >>> 5 & 31, d = w & 31;
        int[] x = words(s, d), yv = words(s, n), wv = words(s, m);
        int[] r;
        switch (opcode) {
            case 0, 1, 2 -> { // SHA1C, SHA1P, SHA1M
                int y = yv[0];
                for (int e = 0; e < 4; e++) {
                    int t = opcode == 0 ? choose(x[1], x[2], x[3]) : opcode == 1 ? parity(x[1], x[2], x[3])
                            : majority(x[1], x[2], x[3]);
                    y = y + Integer.rotateLeft(x[0], 5) + t + wv[e];
                    x[1] = Integer.rotateLeft(x[1], 30);
                    int top = x[3]; // <Y, X> = ROL(Y:X, 32)
                    x[3] = x[2];
                    x[2] = x[1];
                    x[1] = x[0];
                    x[0] = y;
                    y = top;
                }
                r = x;
            }
            case 3 -> { // SHA1SU0
                int[] t = {x[2], x[3], yv[0], yv[1]};
                r = new int[4];
                for (int i = 0; i < 4; i++) {
                    r[i] = t[i] ^ x[i] ^ wv[i];
                }
            }
            case 4 -> r = sha256hash(x, yv, wv, true);   // SHA256H
            case 5 -> r = sha256hash(yv, x, wv, false);  // SHA256H2
            default -> { // SHA256SU1
                int[] t0 = {yv[1], yv[2], yv[3], wv[0]};
                r = new int[4];
                for (int e = 0; e < 4; e++) {
                    int elt = e < 2 ? wv[2 + e] : r[e - 2];
                    elt = Integer.rotateRight(elt, 17) ^ Integer.rotateRight(elt, 19) ^ (elt >>> 10);
                    r[e] = elt + x[e] + t0[e];
                }
            }
        }
        write(s, d, r);
    }

    private static int[] sha256hash(int[] xin, int[] yin, int[] w, boolean part1) {
        int[] x = xin.clone(), y = yin.clone();
        for (int e = 0; e < 4; e++) {
            int chs = choose(y[0], y[1], y[2]);
            int maj = majority(x[0], x[1], x[2]);
            int sigma1 = Integer.rotateRight(y[0], 6) ^ Integer.rotateRight(y[0], 11) ^ Integer.rotateRight(y[0], 25);
            int sigma0 = Integer.rotateRight(x[0], 2) ^ Integer.rotateRight(x[0], 13) ^ Integer.rotateRight(x[0], 22);
            int t = y[3] + sigma1 + chs + w[e];
            x[3] = t + x[3];
            y[3] = t + sigma0 + maj;
            // <Y, X> = ROL(Y:X, 32) over 256 bits
            int ytop = y[3], xtop = x[3];
            y[3] = y[2];
            y[2] = y[1];
            y[1] = y[0];
            y[0] = xtop;
            x[3] = x[2];
            x[2] = x[1];
            x[1] = x[0];
            x[0] = ytop;
        }
        return part1 ? x : y;
    }

    public static void sha2(CpuState s, int w) {
        int opcode = w >>> 12 & 31, n = w >>> 5 & 31, d = w & 31;
        int[] x = words(s, d), y = words(s, n);
        int[] r;
        switch (opcode) {
            case 0 -> r = new int[] {Integer.rotateLeft(y[0], 30), 0, 0, 0}; // SHA1H
            case 1 -> { // SHA1SU1
                int[] t = {x[0] ^ y[1], x[1] ^ y[2], x[2] ^ y[3], x[3]};
                r = new int[] {Integer.rotateLeft(t[0], 1), Integer.rotateLeft(t[1], 1), Integer.rotateLeft(t[2], 1),
                    Integer.rotateLeft(t[3], 1) ^ Integer.rotateLeft(t[0], 2)};
            }
            default -> { // SHA256SU0
                int[] t = {x[1], x[2], x[3], y[0]};
                r = new int[4];
                for (int e = 0; e < 4; e++) {
                    int elt = t[e];
                    elt = Integer.rotateRight(elt, 7) ^ Integer.rotateRight(elt, 18) ^ (elt >>> 3);
                    r[e] = elt + x[e];
                }
            }
        }
        write(s, d, r);
    }

    /** PMULL/PMULL2 (1Q): the 128-bit carry-less product of two 64-bit elements. */
    public static void pmull64(CpuState s, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int m = w >>> 16 & 31, n = w >>> 5 & 31, d = w & 31;
        long a = s.regs[Vec.at(n) + (q ? 1 : 0)], b = s.regs[Vec.at(m) + (q ? 1 : 0)];
        long lo = 0, hi = 0;
        for (int i = 0; i < 64; i++) {
            if ((b >>> i & 1) != 0) {
                lo ^= a << i;
                hi ^= i == 0 ? 0 : a >>> (64 - i);
            }
        }
        Vec.write(s, d, lo, hi);
    }
}

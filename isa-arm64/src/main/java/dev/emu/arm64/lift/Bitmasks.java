package dev.emu.arm64.lift;

/** DecodeBitMasks (J1, shared/functions/bitmasks) for the logical-immediate encodings. */
public final class Bitmasks {
    private Bitmasks() {}

    private static long ones(int n) {
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    /**
     * The wmask of (N, imms, immr) for a {@code datasize}-bit operation, or 0 if the
     * combination is reserved (0 is never a valid logical immediate).
     */
    public static long logicalImmediate(int n, int imms, int immr, int datasize) {
        int combined = (n << 6) | (~imms & 0x3F);
        if (combined == 0) {
            return 0;
        }
        int len = 31 - Integer.numberOfLeadingZeros(combined);
        if (len < 1) {
            return 0;
        }
        int levels = (1 << len) - 1;
        if ((imms & levels) == levels) {
            return 0; // all-ones element
        }
        int esize = 1 << len;
        if (esize > datasize) {
            return 0;
        }
        int s = imms & levels;
        int r = immr & levels;
        long welem = ones(s + 1);
        long elem = r == 0 ? welem : ((welem >>> r) | (welem << (esize - r))) & ones(esize);
        for (int i = esize; i < 64; i *= 2) {
            elem |= elem << i;
        }
        return datasize == 32 ? elem & 0xFFFF_FFFFL : elem;
    }
}

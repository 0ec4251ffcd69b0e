package dev.emu.ppc64le;

/**
 * The rows of the floating-point (Book I chapter 4), VMX (chapter 6) and VSX (chapter 7)
 * facilities: primaries 4, 59, 60 and 63, the FP loads and stores of primaries 48..55, 57 and
 * 61, and the vector, VSX and FP indexed loads and stores and moves of primary 31 (lvx, stvx,
 * lxvd2x, lfsx, mfvsrd ...). Owned by the FP/vector work (see docs/ppc64le.md); until a row is
 * here its encodings raise SIGILL.
 */
final class FpVectorRows {
    private FpVectorRows() {}

    static void add(Rows r) {
    }
}

package dev.emu.arm64.lift;

/**
 * The identification registers this core shows to EL0. Linux traps MRS of the ID space
 * (op0 = 3, op1 = 0, CRn = 0) and emulates it with sanitised values; these are the values
 * that describe what this core implements, so a guest probing them and a guest reading
 * HWCAP agree:
 * <ul>
 * <li>MIDR_EL1 0x411FD050: Arm Cortex-A55 r1p0, a core with CRC32 and LSE atomics, no
 *     part glibc tunes for specially.</li>
 * <li>ID_AA64ISAR0_EL1: CRC32 and LSE atomics (Atomic = 2) only. ID_AA64PFR0_EL1: EL0 and EL1 AArch64-only, FP and
 *     AdvSIMD implemented (the FP/SIMD lifters live in their own classes).</li>
 * <li>everything else in the ID space reads as 0 (feature absent).</li>
 * </ul>
 * CTR_EL0 0x8444C004: 64-byte I and D cache lines, PIPT instruction cache, 64-byte
 * writeback/reservation granules. DCZID_EL0 4: DC ZVA permitted, 64-byte blocks.
 */
public final class IdRegisters {
    private IdRegisters() {}

    public static final long MIDR_EL1 = 0x411F_D050L;
    public static final long MPIDR_EL1 = 0x8000_0000L;
    public static final long ID_AA64PFR0_EL1 = 0x11L;
    public static final long ID_AA64ISAR0_EL1 = 0x21_0000L;
    public static final long CTR_EL0 = 0x8444_C004L;
    public static final long DCZID_EL0 = 4;

    /** Whether the MRS key names a register in the ID space (op0 = 3, op1 = 0, CRn = 0). */
    static boolean isIdRegister(int key) {
        return key >> 7 == (1 << 7); // op0<0> = 1, op1 = 0, CRn = 0
    }

    static long value(int key) {
        int crm = key >> 3 & 15;
        int op2 = key & 7;
        return switch (crm << 3 | op2) {
            case 0 -> MIDR_EL1;
            case 5 -> MPIDR_EL1;
            case 4 << 3 -> ID_AA64PFR0_EL1;
            case 6 << 3 -> ID_AA64ISAR0_EL1;
            default -> 0;
        };
    }
}

package dev.emu.arm32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The contents of the Linux kernel's user helpers page (Documentation/arm/kernel_user_helpers
 * in the kernel tree), as real A32 code the core runs: the OS layer maps {@link #page()} at
 * {@link #PAGE} read+execute for every 32-bit ARM process, as the kernel does (armel's glibc
 * calls {@code __kuser_cmpxchg} and {@code __kuser_get_tls}; armhf's glibc uses LDREX/STREX
 * and MRC directly). The entry points sit at the kernel's fixed addresses and behave as it
 * documents them:
 * <ul>
 * <li>0xffff0ffc {@code __kuser_helper_version}: 5 (all five helpers);</li>
 * <li>0xffff0fe0 {@code __kuser_get_tls}: r0 = TPIDRURO;</li>
 * <li>0xffff0fc0 {@code __kuser_cmpxchg(r0 oldval, r1 newval, r2 ptr)}: r0 = 0 and C set if
 *     *ptr was oldval and now is newval, else r0 != 0 and C clear; r3 and flags clobbered;</li>
 * <li>0xffff0fa0 {@code __kuser_memory_barrier};</li>
 * <li>0xffff0f60 {@code __kuser_cmpxchg64(r0 &oldval, r1 &newval, r2 ptr)}: the same for a
 *     64-bit value (r4-r7 preserved).</li>
 * </ul>
 * The compare-and-swap loops use LDREX/STREX, so they are atomic across guest threads like
 * any guest code that uses them. The bodies of the two cmpxchg helpers live lower in the page
 * (their 32-byte slots hold a branch), written for this emulator.
 */
public final class KuserHelpers {
    private KuserHelpers() {}

    public static final long PAGE = 0xffff_0000L;
    public static final long CMPXCHG64 = 0xffff_0f60L;
    public static final long MEMORY_BARRIER = 0xffff_0fa0L;
    public static final long CMPXCHG = 0xffff_0fc0L;
    public static final long GET_TLS = 0xffff_0fe0L;
    public static final long HELPER_VERSION = 0xffff_0ffcL;
    public static final int VERSION = 5;

    private static final long CMPXCHG_BODY = 0xffff_0e00L;
    private static final long CMPXCHG64_BODY = 0xffff_0e80L;

    private static final int DMB_ISH = 0xf57ff05b;
    private static final int BX_LR = 0xe12fff1e;
    private static final int CLREX = 0xf57ff01f;

    /** The 4 KiB page to map at {@link #PAGE}. */
    public static byte[] page() {
        ByteBuffer p = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        // unused slots hold UDF, so a stray call traps
        for (int off = 0; off < 4096; off += 4) {
            p.putInt(off, 0xe7fdeff0); // udf #0xdef0
        }
        put(p, CMPXCHG_BODY,
                DMB_ISH,
                0xe1923f9f, // 1: ldrex r3, [r2]
                0xe1530000, //    cmp r3, r0
                0x1a000006, //    bne 2f
                0xe1823f91, //    strex r3, r1, [r2]
                0xe3530000, //    cmp r3, #0
                0x1afffff9, //    bne 1b
                DMB_ISH,
                0xe3a00000, //    mov r0, #0
                0xe1500000, //    cmp r0, r0      (Z and C set)
                BX_LR,
                CLREX,      // 2:
                0xe3a00001, //    mov r0, #1
                0xe3500002, //    cmp r0, #2      (C clear)
                BX_LR);
        put(p, CMPXCHG64_BODY,
                0xe92d00f0, //    push {r4-r7}
                0xe1c040d0, //    ldrd r4, r5, [r0]
                0xe1c160d0, //    ldrd r6, r7, [r1]
                DMB_ISH,
                0xe1b20f9f, // 1: ldrexd r0, r1, [r2]
                0xe1500004, //    cmp r0, r4
                0x01510005, //    cmpeq r1, r5
                0x1a000007, //    bne 2f
                0xe1a23f96, //    strexd r3, r6, r7, [r2]
                0xe3530000, //    cmp r3, #0
                0x1afffff8, //    bne 1b
                DMB_ISH,
                0xe3a00000, //    mov r0, #0
                0xe1500000, //    cmp r0, r0
                0xe8bd00f0, //    pop {r4-r7}
                BX_LR,
                CLREX,      // 2:
                0xe3a00001, //    mov r0, #1
                0xe3500002, //    cmp r0, #2
                0xe8bd00f0, //    pop {r4-r7}
                BX_LR);
        put(p, CMPXCHG64, branch(CMPXCHG64, CMPXCHG64_BODY));
        put(p, MEMORY_BARRIER, DMB_ISH, BX_LR);
        put(p, CMPXCHG, branch(CMPXCHG, CMPXCHG_BODY));
        put(p, GET_TLS, 0xee1d0f70, BX_LR); // mrc p15, 0, r0, c13, c0, 3
        p.putInt((int) (HELPER_VERSION - PAGE), VERSION);
        return p.array();
    }

    private static void put(ByteBuffer p, long address, int... words) {
        int off = (int) (address - PAGE);
        for (int w : words) {
            p.putInt(off, w);
            off += 4;
        }
    }

    /** B (A1) from {@code from} to {@code to}. */
    private static int branch(long from, long to) {
        return 0xea00_0000 | (int) ((to - (from + 8)) >> 2) & 0xFF_FFFF;
    }
}

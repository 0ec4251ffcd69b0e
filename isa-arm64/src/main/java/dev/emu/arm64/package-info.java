/**
 * The AArch64 core: user mode (EL0), little-endian, for Linux guests.
 *
 * <p>{@link dev.emu.arm64.A64Decoder} is the decode table, one row per encoding under the
 * Arm ARM's encoding groups; {@link dev.emu.arm64.Arm64Lifter} turns a run of instructions
 * into an IR block; the classes in {@code lift} hold one encoding group each.
 *
 * <p>What the core implements, and so what the OS layer may advertise (HWCAP, /proc/cpuinfo):
 * Armv8.0-A base instructions, CRC32, LSE atomics. FP and Advanced SIMD data processing are
 * lifted elsewhere; the SIMD&amp;FP register loads and stores (LDR/STR/LDP/STP/LDUR/STUR of
 * B/H/S/D/Q) and LD1/ST1 (multiple structures) are here, the other structure loads and
 * stores (LD2-LD4, single-lane, LD1R) are not yet. Not implemented (they trap as illegal
 * instructions, so they must not be advertised): pointer authentication (only the
 * hint-space forms, which are NOPs), BTI checking (BTI is a NOP), MTE, MOPS, RCpc (LDAPR),
 * LSE2 (so exclusives, acquire/release and atomics fault when misaligned), FlagM (CFINV,
 * RMIF, SETF), MSR (immediate) to PSTATE fields, SB, the LORegion loads and stores, SVE.
 *
 * <p>Choices a guest can observe:
 * <ul>
 * <li>CNTFRQ_EL0 is 62.5 MHz and CNTVCT_EL0 counts the host's {@code System.nanoTime()} at
 *     that rate (one tick per 16 ns), as QEMU does.</li>
 * <li>The ID registers Linux emulates for EL0 describe a Cortex-A55 r1p0 with CRC32 and LSE
 *     only; CTR_EL0 gives 64-byte cache lines, DCZID_EL0 a 64-byte DC ZVA block
 *     ({@link dev.emu.arm64.lift.IdRegisters}).</li>
 * <li>Exclusives follow QEMU: the monitor is the address and value a load-exclusive read;
 *     a store-exclusive is a compare-and-swap from that value. Two doubleword exclusives
 *     and CASP of doublewords go through a lock, since the JVM has no 16-byte CAS: atomic
 *     against each other, not against plain stores to the same bytes.</li>
 * <li>Addresses are used as they are: no top-byte-ignore for tagged pointers.</li>
 * <li>The OS layer should open the monitor ({@code excl_addr = -1}) when it delivers a
 *     signal, as the kernel's exception return does.</li>
 * </ul>
 */
package dev.emu.arm64;

/**
 * The AArch32 core: user mode, little-endian, A32 and Thumb (Thumb-2), for Linux guests of
 * both Debian ABIs (armhf: ARMv7-A, hard float; armel: ARMv5TE, soft float).
 *
 * <p>{@link dev.emu.arm32.A32Decoder} and {@link dev.emu.arm32.T32Decoder} are the decode
 * tables (one row per encoding, under the DDI 0406C chapters A5 and A6, VFP rows shared
 * through {@link dev.emu.arm32.VfpDecoder}); {@link dev.emu.arm32.Arm32Lifter} turns a run
 * of instructions into an IR block; the classes in {@code lift} hold one encoding group each.
 *
 * <p>What the core implements, and so what the OS layer may advertise (HWCAP, /proc/cpuinfo):
 * ARMv7-A A32 and Thumb-2 integer instructions including the divides (idiva, idivt), the
 * DSP extension (edsp: QADD/QSUB/QDADD/QDSUB, the halfword multiplies, the Q flag), the
 * media instructions (SSAT/USAT, PKHBT/PKHTB, USAD8, the dual 16-bit multiplies, SMMUL/SMMLA,
 * parallel add/subtract and SEL), exclusives of every size, the TLS register (tls), and VFPv4
 * with 32 double registers (vfp, vfpv3, vfpv4, vfpd32: loads, stores, moves, VADD/VSUB/VMUL/
 * VDIV, the multiply-accumulates, the fused VFMA/VFMS/VFNMA/VFNMS, VNEG/VABS/VSQRT, VCMP,
 * VCVT between the float formats, integers, fixed point and half precision), and ARMv7's
 * Advanced SIMD (neon: every group of A7.4, VLD1-4/VST1-4 in all their forms, the 8- and
 * 16-bit scalar transfers and VDUP; {@code neon/} holds the lane helpers, FPSCR.QC records
 * saturation). Not implemented (they trap as illegal instructions, so they must not be
 * advertised): ARMv8's additions to AArch32 (VMAXNM, VRINT, VCVTA, the crypto and CRC
 * instructions, VSEL), SWP/SWPB (deprecated, and absent from Debian's armel busybox),
 * SETEND, and the generic coprocessor instructions (only CP15 c13 thread ID registers are
 * readable).
 *
 * <p>Choices a guest can observe:
 * <ul>
 * <li>Translation mode: 0 is A32, 1 Thumb, 2..241 Thumb inside an IT block (one mode per
 *     ITSTATE value): the lifter knows the IT state statically through a block, writes the
 *     ITSTATE slot when it changes and before every exit, and a block may end anywhere in an
 *     IT block, the next one starting in the mode that the slot names.</li>
 * <li>R15 reads as the instruction's address + 8 (A32) or + 4 (Thumb). Writes to the PC
 *     from data processing interwork in A32 (ARMv7 ALUWritePC), loads to the PC interwork
 *     (ARMv5T and later).</li>
 * <li>Encodings QEMU rejects are rejected here too (UNPREDICTABLE and should-be-zero forms
 *     QEMU treats as undefined: SIGILL), and LDRD/STRD/LDM/STM/exclusives fault on
 *     misaligned addresses (SIGBUS) as ARMv7 requires whatever SCTLR.A says.</li>
 * <li>MRS APSR reads N Z C V Q GE and the user-mode bits (M = 0b10000).</li>
 * <li>Exclusives follow the arm64 core (and QEMU): address and value recorded by the
 *     load-exclusive, a compare-and-swap from that value for the store-exclusive.</li>
 * <li>VFP arithmetic is core's shared Arm FP code ({@code dev.emu.core.rt.armfp}, also the
 *     arm64 core's): FPSCR.RMode, FZ and DN apply, NaNs propagate as the Arm ARM says and
 *     IOC/DZC/OFC/UFC/IXC/IDC accumulate exactly. FPSCR has no trap enables, no short vectors
 *     (Len, Stride) and no alternative half precision (AHP): those bits read as zero, where
 *     qemu-arm's Cortex-A15 keeps Len and Stride. Advanced SIMD floating point uses the
 *     standard FPSCR value (DN, FZ, round to nearest) and still accumulates the flags.</li>
 * <li>UNPREDICTABLE Advanced SIMD forms: a structure load/store past D31 traps (qemu-arm runs
 *     on into its own state); VSWP/VTRN/VUZP/VZIP with Vd = Vm write Vm, then Vd. Alignment
 *     faults follow the Arm ARM (32 bytes for align = 11 of four-register VLD1/VST1 and of
 *     VLD4/VST4; qemu-arm 7.2 checks 16).</li>
 * <li>The kernel user helpers page is plain A32 code ({@link dev.emu.arm32.KuserHelpers})
 *     that the OS layer maps at 0xffff0000.</li>
 * </ul>
 */
package dev.emu.arm32;

/**
 * The x86-64 core: 64-bit mode, user level.
 *
 * <h2>Shape</h2>
 * {@link dev.emu.x86.decode.X86Decoder} reads prefixes, REX, the opcode through the maps
 * ({@link dev.emu.x86.decode.OneByteMap}, {@link dev.emu.x86.decode.TwoByteMap},
 * {@link dev.emu.x86.decode.ThreeByteMaps}: one cell per opcode, split by ModRM.reg, by
 * mandatory prefix or by ModRM.mod as the SDM's Appendix A tables are), ModRM/SIB,
 * displacement and immediates. {@link dev.emu.x86.X86Lifter} hands each instruction to the
 * handler of its cell; handlers live in {@code lift/}, one class per group: {@code Alu},
 * {@code DataMove}, {@code ControlFlow}, {@code MulDiv}, {@code ShiftRotate}, {@code BitOps},
 * {@code StringOps}, {@code Atomic}, {@code SystemInsns}, and for the XMM instructions
 * {@code SseMove}, {@code SseInteger}, {@code SseArith}, {@code Sse41}, {@code Sse42} with the
 * lane and floating-point semantics in {@code dev.emu.x86.sse} (docs/x86-sse.md). Flags: one slot each, computed
 * eagerly ({@link dev.emu.x86.X86Registers} says why, and what it costs).
 *
 * <h2>Implemented</h2>
 * MOV (all general forms, imm64, moffs), MOVZX, MOVSX, MOVSXD, LEA, XCHG, BSWAP, XLAT,
 * CBW/CWDE/CDQE, CWD/CDQ/CQO, PUSH/POP (reg, imm, r/m, 16-bit), PUSHF/POPF, LAHF/SAHF,
 * ADD OR ADC SBB AND SUB XOR CMP in every form, TEST, INC, DEC, NEG, NOT (LOCK on memory),
 * MUL, IMUL (1, 2, 3 operands), DIV, IDIV (#DE: DIVIDE_ERROR), SHL SHR SAR ROL ROR RCL RCR
 * (1, Ib, CL), SHLD, SHRD, BT BTS BTR BTC (reg and imm offsets, LOCK), BSF, BSR, TZCNT,
 * LZCNT, POPCNT, SETcc, CMOVcc, Jcc, JMP, CALL, RET (near, rel and indirect), RET imm16,
 * LOOP/LOOPE/LOOPNE/JRCXZ, ENTER, LEAVE, MOVS CMPS STOS LODS SCAS with REP/REPE/REPNE (up to 8
 * iterations per block exit), CMPXCHG, CMPXCHG8B, XADD (LOCK: compare-and-swap), CMPXCHG16B
 * (under a global lock: CPUID does not claim CX16), CLC STC
 * CMC CLD STD, NOP forms (90, 0F 1F, the 0F 18..1F hint space including ENDBR64, PREFETCHW
 * 0F 0D), PAUSE, FWAIT, CLFLUSH (no-op), MFENCE/LFENCE/SFENCE, LDMXCSR/STMXCSR, CPUID,
 * RDTSC, SSE, SSE2, SSE3, SSSE3, SSE4.1, SSE4.2 (docs/x86-sse.md), SYSCALL (SYSCALL trap, resuming after it), UD2 (ILLEGAL_INSTRUCTION), INT3
 * (BREAKPOINT, after it), HLT CLI STI IN OUT INS OUTS INT n IRET (PRIVILEGED: SIGSEGV).
 * Prefixes: 66, 67, F0, F2, F3, REX, FS/GS overrides (CS/DS/ES/SS ignored).
 *
 * <p>x87 ({@code lift/X87}, arithmetic in {@code x87/}): every D8-DF instruction, with 80-bit extended precision ({@code x87.F80}: exact, rounded once with
 * the precision and rounding control; exception flags, C0-C3, stack faults), the
 * transcendental group correctly rounded ({@code x87.X87Transcendental}), FNSTENV/FLDENV,
 * FNSAVE/FRSTOR, FXSAVE/FXRSTOR (with MXCSR and XMM0-15). Unmasked x87 exceptions set ES and
 * B but raise no #MF.
 *
 * <h2>Illegal (ILLEGAL_INSTRUCTION with the first bytes) until implemented</h2>
 * MMX, AES-NI, PCLMULQDQ, SHA, VEX/EVEX (C4, C5, 62),
 * segment-register moves (8C, 8E), far CALL/JMP/RET, BOUND/AAA/DAA family and the rest
 * invalid in 64-bit mode, XSAVE, RDRAND, MOVBE, BMI1/BMI2 (VEX).
 */
package dev.emu.x86;

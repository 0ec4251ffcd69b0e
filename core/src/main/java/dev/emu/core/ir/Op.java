package dev.emu.core.ir;

/**
 * The one table of IR operations. Each row says how many value operands it takes and
 * whether it defines a result; the semantics below are the contract both the interpreter
 * ({@code interp.IrInterpreter}) and the JIT ({@code jit.BlockCompiler}) implement, and the
 * JIT-versus-interpreter co-simulation checks.
 *
 * <p>Conventions: {@code T} is the instruction's {@link Type}; every operand of an
 * arithmetic op has type {@code T} unless the row says otherwise. Shift and rotate amounts
 * are taken modulo the width (as the JVM does); lifters mask or clamp per their ISA.
 */
public enum Op {
    // ---- values and guest state
    /** {@code imm} truncated to T. */
    CONST(0, true),
    /** Reads register slot {@code imm}; an I32 read takes the slot's low 32 bits. */
    GET_REG(0, true),
    /** Writes operand 0 to slot {@code imm}; an I32 value is zero-extended into the slot. */
    SET_REG(1, false),

    // ---- integer arithmetic and logic (a, b) -> T
    ADD(2, true), SUB(2, true), MUL(2, true),
    AND(2, true), OR(2, true), XOR(2, true),
    /** a << (b mod width). */
    SHL(2, true),
    /** Logical right shift by (b mod width). */
    SHR(2, true),
    /** Arithmetic right shift by (b mod width). */
    SAR(2, true),
    ROTL(2, true), ROTR(2, true),
    /** High half of the signed full-width product. */
    MULHS(2, true),
    /** High half of the unsigned full-width product. */
    MULHU(2, true),
    /** Signed division truncating toward zero; x / 0 = 0; MIN / -1 = MIN. */
    DIVS(2, true),
    /** Unsigned division; x / 0 = 0. */
    DIVU(2, true),
    /** Signed remainder with the sign of the dividend; x % 0 = x; MIN % -1 = 0. */
    REMS(2, true),
    /** Unsigned remainder; x % 0 = x. */
    REMU(2, true),

    // ---- unary (a) -> T
    NEG(1, true), NOT(1, true),
    /** Leading zeros; clz(0) = width. */
    CLZ(1, true),
    /** Trailing zeros; ctz(0) = width. */
    CTZ(1, true),
    POPCNT(1, true),
    /** Reverses the bytes of the whole width. */
    BSWAP(1, true),
    /** Sign-extends the low {@code imm} bits (8, 16 or 32) of operand 0 (I32 or I64) to T. */
    SEXT(1, true),
    /**
     * Zero-extends the low {@code imm} bits (8, 16 or 32) of operand 0 (I32 or I64) to T.
     * With imm = 32 and T = I32 it truncates an I64.
     */
    ZEXT(1, true),

    // ---- integer compares: T is the operands' type; the result is always I32 0/1
    CMP_EQ(2, true), CMP_NE(2, true),
    CMP_LTS(2, true), CMP_LES(2, true),
    CMP_LTU(2, true), CMP_LEU(2, true),
    /** (cond: I32, a: T, b: T) -> cond != 0 ? a : b. */
    SELECT(3, true),

    // ---- memory; imm packs MemOp (size, signedness, byte order)
    /** (addr: I64) -> T: loads imm's size, extends per imm's signedness to T. */
    LOAD(1, true),
    /** (addr: I64, value: T): stores the low imm-size bytes of value. */
    STORE(2, false),
    /**
     * (addr: I64, expected: T, replacement: T) -> T: atomically, if the imm-size memory
     * value equals expected's low bytes, stores replacement; returns the old memory value
     * zero-extended. Sizes 4 and 8; the address must be naturally aligned.
     */
    CAS(3, true),
    /** A full memory fence. */
    FENCE(0, false),

    // ---- floating point on bit patterns; T = I32 is binary32, I64 binary64.
    // Round to nearest even, no exception flags: lifters that need FPCR/FPSR/MXCSR/FPSCR
    // rounding or flags call helpers instead. A NaN result is the first NaN operand, quieted,
    // else the default NaN (0x7FC00000 / 0x7FF8000000000000): the JVM's own choice of NaN
    // depends on operand order after C2's reordering, so rt.Ops pins it.
    FADD(2, true), FSUB(2, true), FMUL(2, true), FDIV(2, true),
    FSQRT(1, true),
    /** Fused a * b + c, one rounding. */
    FMA(3, true),
    /** (a, b: float of T) -> I32 1 if a == b (ordered); result type is I32, T names the operands. */
    FCMP_EQ(2, true),
    /** a < b, ordered. Result I32; T names the operands. */
    FCMP_LT(2, true),
    /** a <= b, ordered. Result I32; T names the operands. */
    FCMP_LE(2, true),
    /** Either operand is NaN. Result I32; T names the operands. */
    FCMP_UN(2, true),
    /** Float of operand type to float of T (binary32 <-> binary64); IEEE rounding, NaN quieted. */
    FCVT(1, true),
    /** Signed integer operand (I32 or I64) to the float of T. */
    SITOF(1, true),
    /** Unsigned integer operand (I32 or I64) to the float of T. */
    UITOF(1, true),
    /**
     * Float operand (binary32 if imm = 0, binary64 if imm = 1) to a signed integer of T,
     * truncating toward zero, saturating, NaN -> 0.
     */
    FTOSI(1, true),
    /** As FTOSI but to an unsigned integer of T: negative -> 0, saturating at 2^width - 1. */
    FTOUI(1, true),

    // ---- helpers
    /** Calls the {@link Helper} in {@code aux} with the operands; defines a result unless the helper returns void. */
    CALL(-1, true),

    // ---- control flow inside the block (forward only)
    /** Unconditional jump to the {@link Label} in aux. */
    BR(0, false),
    /** (cond: I32) jumps to the Label in aux when cond != 0. */
    BR_IF(1, false),
    /** Places the Label in aux. */
    LABEL(0, false),
    /** Marks the start of the guest instruction at pc = imm. */
    INSN_START(0, false),

    // ---- leaving the block
    /** (cond: I32, target: I64) leaves the block with pc = target when cond != 0. */
    EXIT_IF(2, false),
    /** Terminator: (target: I64) leaves the block with pc = target. */
    EXIT(1, false),
    /**
     * Terminator: stops with the {@link TrapKind} in aux; operand 0 (I64) is the pc stored
     * into the guest state (where execution resumes after the trap is handled) and imm is a
     * kind-specific detail (the instruction encoding for an illegal instruction, the
     * immediate of a supervisor call).
     */
    TRAP(1, false);

    /** Number of value operands, or -1 for variable (CALL). */
    public final int arity;
    /** Whether the op defines a result temp (CALL: unless its helper returns void). */
    public final boolean hasResult;

    Op(int arity, boolean hasResult) {
        this.arity = arity;
        this.hasResult = hasResult;
    }

    public boolean isTerminator() {
        return this == EXIT || this == TRAP;
    }

    public boolean isCompare() {
        return ordinal() >= CMP_EQ.ordinal() && ordinal() <= CMP_LEU.ordinal();
    }

    public boolean isFloatCompare() {
        return ordinal() >= FCMP_EQ.ordinal() && ordinal() <= FCMP_UN.ordinal();
    }
}

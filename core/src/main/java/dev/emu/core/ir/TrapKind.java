package dev.emu.core.ir;

/** Why a block stopped with a TRAP instead of an EXIT. */
public enum TrapKind {
    /** A system call instruction (SVC, SYSCALL, sc, syscall); the OS layer reads the registers. */
    SYSCALL,
    /** An encoding the core does not implement or that is unallocated: SIGILL, imm = encoding. */
    ILLEGAL_INSTRUCTION,
    /** BRK / INT3 / BKPT / trap instructions: SIGTRAP, imm = the immediate. */
    BREAKPOINT,
    /** A conditional trap instruction that fired (tw/td): SIGTRAP. */
    TRAP_INSTRUCTION,
    /** Integer division by zero where the ISA faults (x86 #DE): SIGFPE. */
    DIVIDE_ERROR,
    /** HLT and other privileged instructions in user mode: SIGSEGV as Linux raises it. */
    PRIVILEGED,
    /** Execution reached an address the embedder asked to stop at, or a hook asked to stop. */
    HALT
}

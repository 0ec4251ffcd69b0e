package dev.emu.x86.lift;

import dev.emu.x86.decode.X86Insn;

/** Lifts one decoded instruction: every leaf of the opcode maps points at one. */
@FunctionalInterface
public interface Handler {
    void lift(LiftContext c, X86Insn i);
}

package dev.emu.arm32.lift;

/** Lifts one instruction: every row of the A32 and Thumb decoder tables points at one. */
@FunctionalInterface
public interface Handler {
    void lift(LiftContext c, Fields f);
}

package dev.emu.arm64.lift;

/** Lifts one instruction: every row of the decoder table points at one. */
@FunctionalInterface
public interface Handler {
    void lift(LiftContext c, Fields f);
}

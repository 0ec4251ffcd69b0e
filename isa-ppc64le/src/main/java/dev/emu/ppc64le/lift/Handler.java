package dev.emu.ppc64le.lift;

/** Lifts one instruction: every row of the decoder table points at one. */
@FunctionalInterface
public interface Handler {
    void lift(LiftContext c, Fields f);
}

package dev.emu.core.engine;

/** Why {@link Engine#run} returned. */
public enum StopReason {
    /** The exit handler returned false after a trap. */
    TRAP,
    /** The exit handler returned false after a fault. */
    FAULT,
    /** The exit handler returned false after an interrupt request (stop(), a signal). */
    INTERRUPTED,
    /** The pc reached the "until" address. */
    UNTIL_REACHED,
    /** The instruction-count limit was used up. */
    COUNT_EXHAUSTED,
    /** The time limit passed. */
    TIMEOUT
}

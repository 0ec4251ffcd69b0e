package dev.emu.core.engine;

/**
 * Where {@link Engine#run} stops on its own: at {@code untilPc} (-1: never), after
 * {@code maxInsns} guest instructions (0: no limit), at {@code deadlineNanos} on the
 * {@link System#nanoTime()} clock (0: none).
 */
public record RunLimits(long untilPc, long maxInsns, long deadlineNanos) {
    public static final RunLimits NONE = new RunLimits(-1, 0, 0);

    public boolean any() {
        return untilPc != -1 || maxInsns != 0 || deadlineNanos != 0;
    }
}

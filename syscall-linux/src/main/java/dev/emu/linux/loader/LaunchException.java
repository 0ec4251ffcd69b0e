package dev.emu.linux.loader;

/** A program that cannot be started; {@link #exitStatus} is what a shell would return (126, 127). */
public final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitStatus;

    public LaunchException(String message, int exitStatus) {
        super(message, null, false, false);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}

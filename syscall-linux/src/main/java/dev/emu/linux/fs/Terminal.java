package dev.emu.linux.fs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a host fd or path is a terminal, without native code. */
public final class Terminal {
    private Terminal() {}

    /** For the emulator's own fds 0..2: /proc/self/fd/N names /dev/pts/* or /dev/tty* on Linux hosts. */
    public static boolean isTerminalFd(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (Files.isSymbolicLink(link)) {
                return isTerminalName(Files.readSymbolicLink(link).toString());
            }
        } catch (Exception ignored) {
            // fall through to the portable guess
        }
        // System.console() is non-null only when both stdin and stdout are terminals
        return System.console() != null && fd <= 2;
    }

    public static boolean isTerminalPath(Path p) {
        try {
            return isTerminalName(p.toRealPath().toString());
        } catch (Exception e) {
            return false;
        }
    }

    static boolean isTerminalName(String s) {
        return s.startsWith("/dev/pts/") || s.startsWith("/dev/tty") || s.equals("/dev/console");
    }
}

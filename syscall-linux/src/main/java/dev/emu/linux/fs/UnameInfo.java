package dev.emu.linux.fs;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** What uname and /proc/version report besides the machine: the host's kernel where we can read it. */
public final class UnameInfo {
    private UnameInfo() {}

    public static String release() {
        String os = System.getProperty("os.name", "");
        return os.equals("Linux") ? System.getProperty("os.version", "6.1.0") : "6.1.0";
    }

    public static String version() {
        try {
            Path p = Path.of("/proc/sys/kernel/version");
            if (Files.isReadable(p)) {
                return Files.readString(p).trim();
            }
        } catch (Exception ignored) {
            // fall through
        }
        return "#1 SMP PREEMPT_DYNAMIC";
    }

    public static String nodename() {
        try {
            Path p = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(p)) {
                return Files.readString(p).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}

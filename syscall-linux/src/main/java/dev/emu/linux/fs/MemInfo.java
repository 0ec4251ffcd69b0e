package dev.emu.linux.fs;

/** Memory figures for /proc/meminfo and sysinfo when the host has no /proc: the JVM's view. */
public final class MemInfo {
    private MemInfo() {}

    public static long totalBytes() {
        try {
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return sun.getTotalMemorySize();
            }
        } catch (Throwable ignored) {
            // not a HotSpot-style JVM
        }
        return 4L << 30;
    }

    public static long freeBytes() {
        try {
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return sun.getFreeMemorySize();
            }
        } catch (Throwable ignored) {
            // not a HotSpot-style JVM
        }
        return 2L << 30;
    }

    public static String text() {
        long total = totalBytes() / 1024;
        long free = freeBytes() / 1024;
        return "MemTotal:       " + total + " kB\nMemFree:        " + free + " kB\nMemAvailable:   " + free
                + " kB\nBuffers:               0 kB\nCached:                0 kB\nSwapTotal:             0 kB\n"
                + "SwapFree:              0 kB\n";
    }
}

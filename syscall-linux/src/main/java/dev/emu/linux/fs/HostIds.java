package dev.emu.linux.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host user's ids, which the guest sees as its own (as qemu-user does). */
public final class HostIds {
    private static final int[] IDS = lookup();
    public static final int UID = IDS[0];
    public static final int GID = IDS[1];

    private HostIds() {}

    /** {uid, gid}: the effective ids from /proc/self/status, else the owner of a file we make. */
    private static int[] lookup() {
        int[] ids = fromProcStatus();
        return ids != null ? ids : fromTempFile();
    }

    /**
     * "Uid:" and "Gid:" lines of /proc/self/status (real, effective, saved, fs), split by hand:
     * this runs at every start, where a temp file cost two SecureRandom set-ups and four
     * file operations.
     */
    static int[] fromProcStatus() {
        try {
            String status = Files.readString(Path.of("/proc/self/status"));
            return new int[] {effective(status, "\nUid:"), effective(status, "\nGid:")};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int effective(String status, String key) {
        int at = status.indexOf(key);
        if (at < 0) {
            throw new IllegalStateException("no " + key.trim());
        }
        int end = status.indexOf('\n', at + 1);
        String[] f = status.substring(at + key.length(), end < 0 ? status.length() : end).trim().split("\t");
        return Integer.parseInt(f[1].trim());
    }

    private static int[] fromTempFile() {
        try {
            // the owner of a file we just made in the temp dir is the host process's user
            Path p = Files.createTempFile("emu-id", null);
            try {
                Object uid = Files.getAttribute(p, "unix:uid");
                Object gid = Files.getAttribute(p, "unix:gid");
                return new int[] {uid instanceof Integer i ? i : 1000, gid instanceof Integer i ? i : 1000};
            } finally {
                Files.deleteIfExists(p);
            }
        } catch (Exception e) {
            return new int[] {1000, 1000};
        }
    }
}

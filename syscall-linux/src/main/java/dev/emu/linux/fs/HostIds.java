package dev.emu.linux.fs;

import java.nio.file.Files;
import java.nio.file.Path;

/** The host user's ids, which the guest sees as its own (as qemu-user does). */
public final class HostIds {
    public static final int UID = lookup("uid", 1000);
    public static final int GID = lookup("gid", 1000);

    private HostIds() {}

    private static int lookup(String what, int fallback) {
        try {
            // the owner of a file we just made in the temp dir is the host process's user
            Path p = Files.createTempFile("emu-id", null);
            try {
                Object v = Files.getAttribute(p, "unix:" + what);
                return v instanceof Integer i ? i : fallback;
            } finally {
                Files.deleteIfExists(p);
            }
        } catch (Exception e) {
            return fallback;
        }
    }
}

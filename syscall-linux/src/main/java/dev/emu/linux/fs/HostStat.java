package dev.emu.linux.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Host file status through java.nio: the "unix" view on Linux hosts, posix or basic elsewhere. */
public final class HostStat {
    private static volatile boolean unixView = true;

    private HostStat() {}

    public static FileStat of(Path p, boolean follow) throws IOException {
        LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        if (unixView) {
            try {
                Map<String, Object> a = Files.readAttributes(p, "unix:*", opts);
                return fromUnix(a);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                unixView = false;
            }
        }
        return fromPortable(p, opts);
    }

    private static FileStat fromUnix(Map<String, Object> a) {
        long size = ((Number) a.get("size")).longValue();
        FileTime at = (FileTime) a.get("lastAccessTime");
        FileTime mt = (FileTime) a.get("lastModifiedTime");
        FileTime ct = (FileTime) a.get("ctime");
        int mode = ((Number) a.get("mode")).intValue();
        // java.nio has no st_blocks: whole 4 KiB blocks is what ext4, xfs and tmpfs give a file
        // that is not sparse; short symlinks live in the inode
        long blocks = (mode & FileStat.S_IFMT) == FileStat.S_IFLNK && size < 60 ? 0 : blocks(size);
        return new FileStat(((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue(),
                mode, ((Number) a.get("nlink")).longValue(),
                ((Number) a.get("uid")).intValue(), ((Number) a.get("gid")).intValue(),
                ((Number) a.get("rdev")).longValue(), size, 4096, blocks,
                sec(at), nsec(at), sec(mt), nsec(mt), sec(ct), nsec(ct));
    }

    private static FileStat fromPortable(Path p, LinkOption[] opts) throws IOException {
        BasicFileAttributes b = Files.readAttributes(p, BasicFileAttributes.class, opts);
        int type = b.isDirectory() ? FileStat.S_IFDIR : b.isSymbolicLink() ? FileStat.S_IFLNK
                : b.isRegularFile() ? FileStat.S_IFREG : FileStat.S_IFCHR;
        int perms = b.isDirectory() ? 0755 : 0644;
        try {
            PosixFileAttributes px = Files.readAttributes(p, PosixFileAttributes.class, opts);
            perms = permBits(px.permissions());
        } catch (UnsupportedOperationException ignored) {
            // Windows: keep the defaults
        }
        Object key = b.fileKey();
        long ino = key == null ? p.toAbsolutePath().toString().hashCode() & 0xffffffffL : key.hashCode() & 0xffffffffL;
        FileTime at = b.lastAccessTime();
        FileTime mt = b.lastModifiedTime();
        return new FileStat(0x801, ino, type | perms, 1, HostIds.UID, HostIds.GID, 0, b.size(), 4096,
                blocks(b.size()), sec(at), nsec(at), sec(mt), nsec(mt), sec(mt), nsec(mt));
    }

    public static int permBits(Set<PosixFilePermission> s) {
        int m = 0;
        for (PosixFilePermission x : s) {
            m |= switch (x) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return m;
    }

    public static Set<PosixFilePermission> permSet(int mode) {
        Set<PosixFilePermission> s = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << i)) != 0) {
                s.add(all[i]);
            }
        }
        return s;
    }

    static long blocks(long size) {
        return (size + 4095) / 4096 * 8;
    }

    private static long sec(FileTime t) {
        return t == null ? 0 : Math.floorDiv(t.to(TimeUnit.NANOSECONDS), 1_000_000_000L);
    }

    private static long nsec(FileTime t) {
        return t == null ? 0 : Math.floorMod(t.to(TimeUnit.NANOSECONDS), 1_000_000_000L);
    }

    /** d_type for a mode. */
    public static int dtype(int mode) {
        return switch (mode & FileStat.S_IFMT) {
            case FileStat.S_IFDIR -> OpenFile.DT_DIR;
            case FileStat.S_IFREG -> OpenFile.DT_REG;
            case FileStat.S_IFLNK -> OpenFile.DT_LNK;
            case FileStat.S_IFCHR -> OpenFile.DT_CHR;
            case FileStat.S_IFBLK -> OpenFile.DT_BLK;
            case FileStat.S_IFIFO -> OpenFile.DT_FIFO;
            case FileStat.S_IFSOCK -> OpenFile.DT_SOCK;
            default -> OpenFile.DT_UNKNOWN;
        };
    }
}

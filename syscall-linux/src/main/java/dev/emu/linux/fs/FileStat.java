package dev.emu.linux.fs;

/** A file's status in canonical terms; each ABI lays it out as its {@code struct stat}. */
public record FileStat(long dev, long ino, int mode, long nlink, int uid, int gid, long rdev, long size,
                       long blksize, long blocks, long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec,
                       long ctimeSec, long ctimeNsec) {
    public static final int S_IFMT = 0170000, S_IFSOCK = 0140000, S_IFLNK = 0120000, S_IFREG = 0100000,
            S_IFBLK = 060000, S_IFDIR = 040000, S_IFCHR = 020000, S_IFIFO = 010000;

    public int type() {
        return mode & S_IFMT;
    }

    public boolean isDirectory() {
        return type() == S_IFDIR;
    }

    /** A synthetic file (proc, devices, pipes) created now. */
    public static FileStat synthetic(int mode, long ino, long size, long rdev) {
        long now = System.currentTimeMillis();
        long sec = now / 1000;
        long nsec = (now % 1000) * 1_000_000L;
        return new FileStat(0x16, ino, mode, 1, HostIds.UID, HostIds.GID, rdev, size, 4096, (size + 511) / 512,
                sec, nsec, sec, nsec, sec, nsec);
    }

    /** Device number encoding as glibc's makedev does. */
    public static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    public static long major(long dev) {
        return ((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfffL);
    }

    public static long minor(long dev) {
        return ((dev >>> 12) & 0xffffff00L) | (dev & 0xffL);
    }
}

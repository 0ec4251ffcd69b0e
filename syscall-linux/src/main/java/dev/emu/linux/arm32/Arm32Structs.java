package dev.emu.linux.arm32;

import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.Structs;
import dev.emu.linux.fs.FileStat;

import java.nio.ByteOrder;

/**
 * ARM EABI layouts where they differ from a 32-bit asm-generic guest: {@code struct stat64}
 * (what stat64, lstat64, fstat64 and fstatat64 fill), {@code struct statfs64} (statfs64 and
 * fstatfs64), and the 64-bit {@code __kernel_timespec} of the *_time64 calls.
 */
public final class Arm32Structs extends Structs {
    /** Set while a *_time64 syscall runs: timespecs have a 64-bit tv_sec. */
    static final ThreadLocal<Boolean> TIME64 = ThreadLocal.withInitial(() -> false);

    public Arm32Structs() {
        super(32, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * arch/arm/include/uapi/asm/stat.h {@code struct stat64} (104 bytes): st_dev (u64), pad,
     * __st_ino (u32) at 12, st_mode 16, st_nlink 20, st_uid 24, st_gid 28, st_rdev (u64) 32,
     * pad, st_size (s64) 48, st_blksize 56, st_blocks (u64) 64, the three {sec, nsec} pairs of
     * u32 at 72, 80, 88, and st_ino (u64) at 96.
     */
    @Override
    public byte[] stat(FileStat s) {
        GuestBuffer b = buffer(104);
        b.u64(0, s.dev()).u32(12, s.ino()).u32(16, s.mode()).u32(20, s.nlink()).u32(24, s.uid())
                .u32(28, s.gid()).u64(32, s.rdev()).u64(48, s.size()).u32(56, s.blksize()).u64(64, s.blocks())
                .u32(72, s.atimeSec()).u32(76, s.atimeNsec())
                .u32(80, s.mtimeSec()).u32(84, s.mtimeNsec())
                .u32(88, s.ctimeSec()).u32(92, s.ctimeNsec())
                .u64(96, s.ino());
        return b.bytes();
    }

    /**
     * {@code struct statfs64} as ARM EABI packs it (84 bytes): f_type, f_bsize (u32), f_blocks,
     * f_bfree, f_bavail, f_files, f_ffree (u64) from 8, f_fsid at 48, f_namelen 56, f_frsize 60,
     * f_flags 64, f_spare[4].
     */
    @Override
    public byte[] statfs(long type, long bsize, long blocks, long bfree, long bavail, long files, long ffree,
                         int namelen, long flags) {
        GuestBuffer b = buffer(84);
        b.u32(0, type).u32(4, bsize).u64(8, blocks).u64(16, bfree).u64(24, bavail).u64(32, files).u64(40, ffree)
                .u32(56, namelen).u32(60, bsize).u32(64, flags);
        return b.bytes();
    }

    @Override
    public int timespecSize() {
        return TIME64.get() ? 16 : 8;
    }

    @Override
    public byte[] timespec(long sec, long nsec) {
        if (TIME64.get()) {
            return buffer(16).u64(0, sec).u64(8, nsec).bytes();
        }
        return buffer(8).u32(0, sec).u32(4, nsec).bytes();
    }

    @Override
    public long[] readTimespec(byte[] b) {
        GuestBuffer g = wrap(b);
        if (TIME64.get()) {
            // the kernel ignores the upper half of tv_nsec for 32-bit callers
            return new long[] {g.getU64(0), g.getI32(8)};
        }
        return new long[] {g.getI32(0), g.getI32(4)};
    }

    @Override
    public byte[] timeval(long sec, long usec) {
        return buffer(8).u32(0, sec).u32(4, usec).bytes();
    }
}

package dev.emu.linux.ppc64le;

import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.Structs;
import dev.emu.linux.fs.FileStat;

import java.nio.ByteOrder;

/**
 * powerpc64 layouts where they differ from asm-generic: {@code struct stat}
 * (arch/powerpc/include/uapi/asm/stat.h) and {@code struct termios} (asm/termbits.h: NCCS 19,
 * c_line after c_cc, the speeds at the end, and powerpc's own flag bits and c_cc indices,
 * translated to and from the generic values the tty code keeps).
 */
final class Ppc64Structs extends Structs {
    Ppc64Structs() {
        super(64, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * {@code struct stat} (144 bytes): st_dev, st_ino, st_nlink (u64) at 0, 8, 16, st_mode,
     * st_uid, st_gid (u32) at 24, 28, 32, st_rdev 40, st_size 48, st_blksize 56, st_blocks 64,
     * the {sec, nsec} pairs at 72, 88, 104, three unused longs.
     */
    @Override
    public byte[] stat(FileStat s) {
        GuestBuffer b = buffer(144);
        b.u64(0, s.dev()).u64(8, s.ino()).u64(16, s.nlink()).u32(24, s.mode()).u32(28, s.uid()).u32(32, s.gid())
                .u64(40, s.rdev()).u64(48, s.size()).u64(56, s.blksize()).u64(64, s.blocks())
                .u64(72, s.atimeSec()).u64(80, s.atimeNsec())
                .u64(88, s.mtimeSec()).u64(96, s.mtimeNsec())
                .u64(104, s.ctimeSec()).u64(112, s.ctimeNsec());
        return b.bytes();
    }

    /** {generic bit, powerpc bit} for the flags whose values differ; the others are the same. */
    private static final int[][] IFLAG = {{0x200, 0x1000}, {0x400, 0x200}, {0x1000, 0x400}};
    private static final int[][] OFLAG = {{0x2, 0x4}, {0x4, 0x2}, {0x200, 0x1000}, {0x400, 0x2000},
        {0x800, 0x400}, {0x1000, 0x800}, {0x2000, 0x8000}, {0x4000, 0x10000}, {0x8000, 0x4000}};
    private static final int[][] LFLAG = {{0x1, 0x80}, {0x2, 0x100}, {0x4, 0x4000}, {0x10, 0x2}, {0x20, 0x4},
        {0x40, 0x10}, {0x80, 0x80000000}, {0x100, 0x400000}, {0x200, 0x40}, {0x400, 0x20}, {0x800, 0x1},
        {0x1000, 0x800000}, {0x4000, 0x20000000}, {0x8000, 0x400}, {0x10000, 0x10000000}};
    /** The generic c_cc index of each powerpc one (VINTR ... VDISCARD). */
    private static final int[] CC_GENERIC = {0, 1, 2, 3, 4, 6, 11, 5, 16, 7, 14, 12, 10, 8, 9, 15, 13};
    /** The input and output speed termios carries at its end: B38400's rate. */
    private static final int SPEED = 38400;

    /** Moves the bits listed in {@code map} from one column to the other, keeping the rest. */
    private static int translate(int v, int[][] map, boolean toPpc) {
        int from = toPpc ? 0 : 1;
        int to = 1 - from;
        int moving = 0;
        for (int[] m : map) {
            moving |= m[from];
        }
        int out = v & ~moving;
        for (int[] m : map) {
            if ((v & m[from]) != 0) {
                out |= m[to];
            }
        }
        return out;
    }

    /** Generic cflag keeps CSIZE..CLOCAL at 0x30..0x800; powerpc at 0x300..0x8000; the baud bits agree. */
    private static int cflagToPpc(int c) {
        return (c & ~0xFF0) | ((c & 0xFF0) << 4);
    }

    private static int cflagFromPpc(int c) {
        return (c & ~0xFF00 & ~0xF0) | ((c & 0xFF00) >>> 4);
    }

    @Override
    public int termiosSize() {
        return 44;
    }

    @Override
    public byte[] termios(Termios t) {
        GuestBuffer b = buffer(44);
        b.u32(0, translate(t.iflag, IFLAG, true)).u32(4, translate(t.oflag, OFLAG, true))
                .u32(8, cflagToPpc(t.cflag)).u32(12, translate(t.lflag, LFLAG, true));
        for (int i = 0; i < CC_GENERIC.length; i++) {
            b.u8(16 + i, t.cc[CC_GENERIC[i]]);
        }
        b.u8(35, t.line).u32(36, SPEED).u32(40, SPEED);
        return b.bytes();
    }

    @Override
    public Termios readTermios(byte[] bytes) {
        GuestBuffer b = wrap(bytes);
        Termios t = new Termios();
        t.iflag = translate((int) b.getU32(0), IFLAG, false);
        t.oflag = translate((int) b.getU32(4), OFLAG, false);
        t.cflag = cflagFromPpc((int) b.getU32(8));
        t.lflag = translate((int) b.getU32(12), LFLAG, false);
        for (int i = 0; i < CC_GENERIC.length; i++) {
            t.cc[CC_GENERIC[i]] = (byte) b.getU8(16 + i);
        }
        t.line = b.getU8(35);
        return t;
    }
}

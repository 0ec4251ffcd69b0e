package dev.emu.linux.abi;

import dev.emu.linux.fs.FileStat;

import java.nio.ByteOrder;

/**
 * Struct layouts, asm-generic by default (arm64, riscv64, loongarch use these as they are);
 * an architecture with its own layouts (x86_64's stat, mips's termios) overrides a method.
 * Sizes and offsets are from the kernel's uapi headers.
 */
public class Structs {
    protected final int bits;
    protected final int word;
    protected final ByteOrder order;

    public Structs(int bits, ByteOrder order) {
        this.bits = bits;
        this.word = bits / 8;
        this.order = order;
    }

    public GuestBuffer buffer(int size) {
        return new GuestBuffer(size, order);
    }

    public GuestBuffer wrap(byte[] bytes) {
        return new GuestBuffer(bytes, order);
    }

    public int wordSize() {
        return word;
    }

    /** asm-generic {@code struct stat} (128 bytes for 64-bit). */
    public byte[] stat(FileStat s) {
        GuestBuffer b = buffer(128);
        b.u64(0, s.dev()).u64(8, s.ino()).u32(16, s.mode()).u32(20, s.nlink()).u32(24, s.uid())
                .u32(28, s.gid()).u64(32, s.rdev()).u64(48, s.size()).u32(56, s.blksize())
                .u64(64, s.blocks())
                .u64(72, s.atimeSec()).u64(80, s.atimeNsec())
                .u64(88, s.mtimeSec()).u64(96, s.mtimeNsec())
                .u64(104, s.ctimeSec()).u64(112, s.ctimeNsec());
        return b.bytes();
    }

    /** {@code struct statx} (256 bytes, the same on every architecture). */
    public byte[] statx(FileStat s, int mask) {
        GuestBuffer b = buffer(256);
        b.u32(0, mask).u32(4, s.blksize()).u64(8, 0).u32(16, s.nlink()).u32(20, s.uid()).u32(24, s.gid())
                .u16(28, s.mode()).u64(32, s.ino()).u64(40, s.size()).u64(48, s.blocks()).u64(56, 0);
        b.u64(64, s.atimeSec()).u32(72, s.atimeNsec());
        b.u64(80, s.ctimeSec()).u32(88, s.ctimeNsec()); // btime: the best we know
        b.u64(96, s.ctimeSec()).u32(104, s.ctimeNsec());
        b.u64(112, s.mtimeSec()).u32(120, s.mtimeNsec());
        b.u32(128, FileStat.major(s.rdev())).u32(132, FileStat.minor(s.rdev()));
        b.u32(136, FileStat.major(s.dev())).u32(140, FileStat.minor(s.dev()));
        return b.bytes();
    }

    /** {@code struct statfs}: f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree, f_fsid, f_namelen, f_frsize, f_flags. */
    public byte[] statfs(long type, long bsize, long blocks, long bfree, long bavail, long files, long ffree,
                         int namelen, long flags) {
        int w = word;
        GuestBuffer b = buffer(w == 8 ? 120 : 64);
        int o = 0;
        b.word(o, type, bits).word(o += w, bsize, bits);
        // f_blocks..f_ffree are 64-bit in statfs64 and long here
        b.word(o += w, blocks, bits).word(o += w, bfree, bits).word(o += w, bavail, bits)
                .word(o += w, files, bits).word(o += w, ffree, bits);
        o += w; // f_fsid: two ints
        o += 8;
        b.word(o, namelen, bits).word(o += w, bsize, bits).word(o += w, flags, bits);
        return b.bytes();
    }

    public int timespecSize() {
        return 2 * word;
    }

    public byte[] timespec(long sec, long nsec) {
        return buffer(2 * word).word(0, sec, bits).word(word, nsec, bits).bytes();
    }

    /** {sec, nsec} of a guest timespec (also timeval: {sec, usec}). */
    public long[] readTimespec(byte[] b) {
        GuestBuffer g = wrap(b);
        long sec = bits == 64 ? g.getU64(0) : g.getI32(0);
        long nsec = bits == 64 ? g.getU64(word) : g.getI32(word);
        return new long[] {sec, nsec};
    }

    public byte[] timeval(long sec, long usec) {
        return timespec(sec, usec);
    }

    /** {@code struct new_utsname}: six 65-byte fields. */
    public byte[] utsname(String sysname, String nodename, String release, String version, String machine,
                          String domain) {
        GuestBuffer b = buffer(390);
        b.str(0, sysname, 65).str(65, nodename, 65).str(130, release, 65).str(195, version, 65)
                .str(260, machine, 65).str(325, domain, 65);
        return b.bytes();
    }

    /** {@code struct sysinfo}. */
    public byte[] sysinfo(long uptime, long[] loads, long totalram, long freeram, long sharedram, long bufferram,
                          long totalswap, long freeswap, int procs) {
        int w = word;
        GuestBuffer b = buffer(w == 8 ? 112 : 64);
        b.word(0, uptime, bits);
        for (int i = 0; i < 3; i++) {
            b.word(w + i * w, loads[i], bits);
        }
        int o = 4 * w;
        b.word(o, totalram, bits).word(o + w, freeram, bits).word(o + 2 * w, sharedram, bits)
                .word(o + 3 * w, bufferram, bits).word(o + 4 * w, totalswap, bits).word(o + 5 * w, freeswap, bits);
        o += 6 * w;
        b.u16(o, procs);
        o += w; // procs + pad, aligned to a long
        o += 2 * w; // totalhigh, freehigh
        b.u32(o, 1); // mem_unit
        return b.bytes();
    }

    /** {@code struct rusage}: two timevals then 14 longs. */
    public byte[] rusage(long utimeUs, long stimeUs, long maxrssKb) {
        int w = word;
        GuestBuffer b = buffer(4 * w + 14 * w);
        b.word(0, utimeUs / 1_000_000, bits).word(w, utimeUs % 1_000_000, bits);
        b.word(2 * w, stimeUs / 1_000_000, bits).word(3 * w, stimeUs % 1_000_000, bits);
        b.word(4 * w, maxrssKb, bits);
        return b.bytes();
    }

    /** {@code struct tms}: four clock_t. */
    public byte[] tms(long utime, long stime, long cutime, long cstime) {
        int w = word;
        return buffer(4 * w).word(0, utime, bits).word(w, stime, bits).word(2 * w, cutime, bits)
                .word(3 * w, cstime, bits).bytes();
    }

    /** {@code struct rlimit} (getrlimit/setrlimit): two unsigned longs; infinity is all ones. */
    public byte[] rlimit(long cur, long max) {
        return buffer(2 * word).word(0, cur, bits).word(word, max, bits).bytes();
    }

    public int rlimitSize() {
        return 2 * word;
    }

    public long[] readRlimit(byte[] b) {
        GuestBuffer g = wrap(b);
        long cur = g.getWord(0, bits);
        long max = g.getWord(word, bits);
        if (bits == 32) {
            cur = cur == 0xffffffffL ? -1 : cur;
            max = max == 0xffffffffL ? -1 : max;
        }
        return new long[] {cur, max};
    }

    /** asm-generic termios for TCGETS: four tcflag_t, c_line, c_cc[19] (36 bytes). */
    public int termiosSize() {
        return 36;
    }

    public byte[] termios(Termios t) {
        GuestBuffer b = buffer(36);
        b.u32(0, t.iflag).u32(4, t.oflag).u32(8, t.cflag).u32(12, t.lflag).u8(16, t.line);
        for (int i = 0; i < 19 && i < t.cc.length; i++) {
            b.u8(17 + i, t.cc[i]);
        }
        return b.bytes();
    }

    public Termios readTermios(byte[] bytes) {
        GuestBuffer b = wrap(bytes);
        Termios t = new Termios();
        t.iflag = (int) b.getU32(0);
        t.oflag = (int) b.getU32(4);
        t.cflag = (int) b.getU32(8);
        t.lflag = (int) b.getU32(12);
        t.line = b.getU8(16);
        for (int i = 0; i < 19; i++) {
            t.cc[i] = (byte) b.getU8(17 + i);
        }
        return t;
    }

    /** {@code struct winsize}: ws_row, ws_col, ws_xpixel, ws_ypixel. */
    public byte[] winsize(int rows, int cols) {
        return buffer(8).u16(0, rows).u16(2, cols).bytes();
    }

    /** Kernel {@code struct sigaction} size: handler, flags, restorer, mask (asm-generic order). */
    public int sigactionSize() {
        return 3 * word + 8;
    }

    /** {handler, flags, restorer, mask} */
    public long[] readSigaction(byte[] bytes) {
        GuestBuffer b = wrap(bytes);
        return new long[] {b.getWord(0, bits), b.getWord(word, bits), b.getWord(2 * word, bits), b.getU64(3 * word)};
    }

    public byte[] sigaction(long handler, long flags, long restorer, long mask) {
        return buffer(sigactionSize()).word(0, handler, bits).word(word, flags, bits)
                .word(2 * word, restorer, bits).u64(3 * word, mask).bytes();
    }

    /** {@code stack_t}: ss_sp, ss_flags (int), ss_size. */
    public int stackTSize() {
        return 3 * word;
    }

    public byte[] stackT(long sp, int flags, long size) {
        return buffer(3 * word).word(0, sp, bits).u32(word, flags).word(2 * word, size, bits).bytes();
    }

    /** {sp, flags, size} */
    public long[] readStackT(byte[] bytes) {
        GuestBuffer b = wrap(bytes);
        return new long[] {b.getWord(0, bits), b.getI32(word), b.getWord(2 * word, bits)};
    }

    /** Terminal settings in the generic layout; ABIs with other NCCS or flag values translate. */
    public static final class Termios {
        public int iflag, oflag, cflag, lflag, line;
        public byte[] cc = new byte[19];

        /** What a fresh Linux tty reports: cooked mode, echo, 38400 baud. */
        public static Termios defaults() {
            Termios t = new Termios();
            t.iflag = 0x500;   // ICRNL | IXON
            t.oflag = 0x5;     // OPOST | ONLCR
            t.cflag = 0xbf;    // B38400 | CS8 | CREAD
            t.lflag = 0x8a3b;  // ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN
            byte[] cc = {3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0};
            System.arraycopy(cc, 0, t.cc, 0, cc.length);
            return t;
        }
    }
}

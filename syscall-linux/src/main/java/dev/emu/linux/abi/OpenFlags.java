package dev.emu.linux.abi;

/**
 * open(2) flags in canonical values (x86 and asm-generic share them; arm, arm64, mips,
 * ppc, sparc, alpha differ in a few high bits and translate through their ABI).
 */
public final class OpenFlags {
    public static final int O_ACCMODE = 03, O_RDONLY = 0, O_WRONLY = 01, O_RDWR = 02;
    public static final int O_CREAT = 0100, O_EXCL = 0200, O_NOCTTY = 0400, O_TRUNC = 01000,
            O_APPEND = 02000, O_NONBLOCK = 04000, O_DSYNC = 010000, O_ASYNC = 020000,
            O_DIRECT = 040000, O_LARGEFILE = 0100000, O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000,
            O_NOATIME = 01000000, O_CLOEXEC = 02000000, O_SYNC = 04010000, O_PATH = 010000000,
            O_TMPFILE = 020000000;

    /** Flags F_SETFL may change. */
    public static final int SETFL_MASK = O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME;

    /** The four flags arm and arm64 place differently (the rest are canonical). */
    private static final int ARM_O_DIRECTORY = 040000, ARM_O_NOFOLLOW = 0100000, ARM_O_DIRECT = 0200000,
            ARM_O_LARGEFILE = 0400000;
    /** powerpc places the same four, O_DIRECT and O_LARGEFILE the other way round from arm. */
    private static final int PPC_O_DIRECTORY = 040000, PPC_O_NOFOLLOW = 0100000, PPC_O_LARGEFILE = 0200000,
            PPC_O_DIRECT = 0400000;
    private static final int[] CANONICAL = {O_DIRECTORY, O_NOFOLLOW, O_DIRECT, O_LARGEFILE};
    private static final int[] ARM = {ARM_O_DIRECTORY, ARM_O_NOFOLLOW, ARM_O_DIRECT, ARM_O_LARGEFILE};
    private static final int[] PPC = {PPC_O_DIRECTORY, PPC_O_NOFOLLOW, PPC_O_DIRECT, PPC_O_LARGEFILE};

    private OpenFlags() {}

    /** Moves the bits {@code from[i]} to {@code to[i]}, keeping every other bit. */
    private static int translate(int v, int[] from, int[] to) {
        int out = v;
        for (int f : from) {
            out &= ~f;
        }
        for (int i = 0; i < from.length; i++) {
            if ((v & from[i]) != 0) {
                out |= to[i];
            }
        }
        return out;
    }

    /** arm/arm64 guest open flags to canonical ones. */
    public static int fromArm(int g) {
        return translate(g, ARM, CANONICAL);
    }

    /** Canonical open flags to arm/arm64 guest ones (F_GETFL). */
    public static int toArm(int c) {
        return translate(c, CANONICAL, ARM);
    }

    /** powerpc guest open flags to canonical ones. */
    public static int fromPowerpc(int g) {
        return translate(g, PPC, CANONICAL);
    }

    /** Canonical open flags to powerpc guest ones (F_GETFL). */
    public static int toPowerpc(int c) {
        return translate(c, CANONICAL, PPC);
    }

    /** strace-style: O_RDONLY|O_CREAT|O_CLOEXEC. */
    public static String toString(int f) {
        StringBuilder sb = new StringBuilder();
        switch (f & O_ACCMODE) {
            case O_RDONLY -> sb.append("O_RDONLY");
            case O_WRONLY -> sb.append("O_WRONLY");
            case O_RDWR -> sb.append("O_RDWR");
            default -> sb.append("O_ACCMODE");
        }
        int rest = f & ~O_ACCMODE;
        if ((rest & O_TMPFILE) != 0 && (rest & O_DIRECTORY) != 0) {
            sb.append("|O_TMPFILE");
            rest &= ~(O_TMPFILE | O_DIRECTORY);
        }
        if ((rest & O_SYNC) == O_SYNC) {
            sb.append("|O_SYNC");
            rest &= ~O_SYNC;
        }
        String[] names = {"O_CREAT", "O_EXCL", "O_NOCTTY", "O_TRUNC", "O_APPEND", "O_NONBLOCK", "O_DSYNC",
            "O_ASYNC", "O_DIRECT", "O_LARGEFILE", "O_DIRECTORY", "O_NOFOLLOW", "O_NOATIME", "O_CLOEXEC", "O_PATH"};
        int[] bits = {O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC, O_APPEND, O_NONBLOCK, O_DSYNC, O_ASYNC, O_DIRECT,
            O_LARGEFILE, O_DIRECTORY, O_NOFOLLOW, O_NOATIME, O_CLOEXEC, O_PATH};
        for (int i = 0; i < bits.length; i++) {
            if ((rest & bits[i]) != 0) {
                sb.append('|').append(names[i]);
                rest &= ~bits[i];
            }
        }
        if (rest != 0) {
            sb.append("|0").append(Integer.toOctalString(rest));
        }
        return sb.toString();
    }
}

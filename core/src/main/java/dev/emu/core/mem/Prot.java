package dev.emu.core.mem;

/** Page permissions, with Linux's PROT_* values. */
public final class Prot {
    public static final int NONE = 0;
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXEC = 4;
    public static final int RW = READ | WRITE;
    public static final int RX = READ | EXEC;
    public static final int RWX = READ | WRITE | EXEC;

    private Prot() {}

    /** "rwx" style, as /proc/self/maps prints the first three columns. */
    public static String toString(int prot) {
        return ((prot & READ) != 0 ? "r" : "-") + ((prot & WRITE) != 0 ? "w" : "-") + ((prot & EXEC) != 0 ? "x" : "-");
    }
}

package dev.emu.testkit.diff;

/** The scratch window of a case as failure messages show it: a heading, then 16 bytes a row. */
public final class WindowText {
    private WindowText() {}

    /** Appends "mem at 0x..., N bytes:" and the rows "  +0x010: 00 11 ...  88 99 ...". */
    public static StringBuilder append(StringBuilder sb, long base, byte[] mem) {
        sb.append(String.format("mem at 0x%x, %d bytes:%n", base, mem.length));
        for (int off = 0; off < mem.length; off += 16) {
            sb.append(String.format("  +0x%03x:", off));
            for (int i = off; i < Math.min(off + 16, mem.length); i++) {
                sb.append(i % 8 == 0 && i != off ? "  " : " ").append(String.format("%02x", mem[i] & 0xFF));
            }
            sb.append('\n');
        }
        return sb;
    }
}

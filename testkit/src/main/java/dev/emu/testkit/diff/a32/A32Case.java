package dev.emu.testkit.diff.a32;

import dev.emu.testkit.diff.DiffCase;

/**
 * One AArch32 case: code run from {@code init}, in A32 ({@code code} holds instruction words)
 * or in Thumb ({@code code} holds halfwords in memory order, a 32-bit instruction as two).
 * The code is position independent; a branch that wants to leave it jumps to its end, where
 * the dump begins. Thumb code must not end inside an IT block.
 *
 * @param asm the disassembly for failure messages, or null
 */
public record A32Case(int[] code, boolean thumb, A32State init, String asm) implements DiffCase {
    public A32Case {
        code = code.clone();
    }

    /** One A32 instruction. */
    public static A32Case arm(int word, A32State init, String asm) {
        return new A32Case(new int[] {word}, false, init, asm);
    }

    /** Thumb halfwords. */
    public static A32Case thumb(int[] halfwords, A32State init, String asm) {
        return new A32Case(halfwords, true, init, asm);
    }

    /** The code's size in bytes. */
    public int codeBytes() {
        return code.length * (thumb ? 2 : 4);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder(thumb ? "thumb:" : "arm:");
        for (int w : code) {
            sb.append(String.format(thumb ? " %04x" : " %08x", w));
        }
        if (asm != null) {
            sb.append("   ").append(asm);
        }
        sb.append('\n').append(init.describe());
        return sb.toString();
    }
}

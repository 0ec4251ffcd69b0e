package dev.emu.testkit.diff.p64;

import dev.emu.testkit.asm.P64Asm;
import dev.emu.testkit.diff.DiffCase;
import java.util.function.BiConsumer;

/**
 * One Power case: instruction words run from {@code init}. The code is position independent;
 * a branch that wants to leave it jumps to its end, where the dump begins
 * ({@link #assemble} gives the code an {@code end} label).
 *
 * @param asm the disassembly for failure messages, or null
 */
public record P64Case(int[] code, P64State init, String asm) implements DiffCase {
    public P64Case {
        code = code.clone();
    }

    public P64Case(int word, P64State init, String asm) {
        this(new int[] {word}, init, asm);
    }

    /** Code built with an assembler whose second argument is the label just past the code. */
    public static int[] assemble(BiConsumer<P64Asm, P64Asm.Label> body) {
        P64Asm a = new P64Asm(0);
        P64Asm.Label end = a.newLabel();
        body.accept(a, end);
        a.bind(end);
        byte[] b = a.bytes();
        int[] words = new int[b.length / 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = (b[4 * i] & 0xFF) | (b[4 * i + 1] & 0xFF) << 8 | (b[4 * i + 2] & 0xFF) << 16
                    | (b[4 * i + 3] & 0xFF) << 24;
        }
        return words;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("ppc64le:");
        for (int w : code) {
            sb.append(String.format(" %08x", w));
        }
        if (asm != null) {
            sb.append("   ").append(asm);
        }
        sb.append('\n').append(init.describe());
        return sb.toString();
    }
}

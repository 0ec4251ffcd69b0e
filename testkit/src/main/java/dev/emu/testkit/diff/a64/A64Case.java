package dev.emu.testkit.diff.a64;

import dev.emu.testkit.asm.A64Asm;
import dev.emu.testkit.diff.DiffCase;
import java.util.function.Consumer;

/**
 * One AArch64 case: instruction words run from {@code init}. The code is position
 * independent; a branch that wants to leave the code jumps to its end ({@code 4 * code.length}
 * bytes from the start), where the dump begins. Build branchy code with {@link #assemble}.
 *
 * @param asm      the disassembly of the code for failure messages ("adds x3, x4, x5, lsl #7"),
 *                 or null
 * @param endBlock whether to put a {@code B .+4} between the code and the dump, so the code
 *                 ends a translation block in the emulator (state written back at a block exit
 *                 rather than observed by the following instructions of the same block)
 */
public record A64Case(int[] code, A64State init, String asm, boolean endBlock) implements DiffCase {
    public A64Case {
        code = code.clone();
    }

    public A64Case(int[] code, A64State init, String asm) {
        this(code, init, asm, false);
    }

    public A64Case(int word, A64State init, String asm) {
        this(new int[] {word}, init, asm, false);
    }

    public A64Case withEndBlock(boolean end) {
        return new A64Case(code, init, asm, end);
    }

    /**
     * Code built with labels: {@code end} is bound after the last instruction, where the dump
     * begins. For example a taken-or-not branch over two instructions:
     * <pre>{@code
     * int[] code = A64Case.assemble((a, end) -> {
     *     a.bCond(A64Asm.Cond.EQ, end);
     *     a.movz(0, 1, 0);
     *     a.movz(1, 2, 0);
     * });
     * }</pre>
     */
    public static int[] assemble(java.util.function.BiConsumer<A64Asm, A64Asm.Label> body) {
        A64Asm a = new A64Asm();
        A64Asm.Label end = a.newLabel();
        body.accept(a, end);
        a.bind(end);
        return a.words();
    }

    /** Code from a straight-line emitter. */
    public static int[] assemble(Consumer<A64Asm> body) {
        A64Asm a = new A64Asm();
        body.accept(a);
        return a.words();
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("code:");
        for (int w : code) {
            sb.append(String.format(" %08x", w));
        }
        if (asm != null) {
            sb.append("   ").append(asm);
        }
        if (endBlock) {
            sb.append("   (then b .+4)");
        }
        sb.append('\n').append(init.describe());
        return sb.toString();
    }
}

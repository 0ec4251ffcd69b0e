package dev.emu.testkit.diff.x86;

import dev.emu.testkit.asm.X86Asm;
import dev.emu.testkit.diff.DiffCase;
import java.util.function.BiConsumer;

/**
 * One x86-64 case: instruction bytes run from {@code init}. The code is position
 * independent; a branch that wants to leave it jumps to its end, where the dump begins
 * (build such code with {@link #assemble}).
 *
 * @param asm       the disassembly for failure messages ("add rax, rbx"), or null
 * @param flagMask  the RFLAGS bits compared: {@link X86State#FLAG_BITS} minus the flags the
 *                  manuals leave undefined for this instruction (the program ANDs RFLAGS
 *                  with it before dumping, so every runner is compared on the same bits)
 * @param endBlock  whether to put a {@code JMP .+2} between the code and the dump, so the code
 *                  ends a translation block (state written back at a block exit)
 */
public record X86Case(byte[] code, X86State init, String asm, long flagMask, boolean endBlock) implements DiffCase {
    public X86Case {
        code = code.clone();
    }

    public X86Case(byte[] code, X86State init, String asm, long flagMask) {
        this(code, init, asm, flagMask, false);
    }

    public X86Case(byte[] code, X86State init, String asm) {
        this(code, init, asm, X86State.FLAG_BITS, false);
    }

    public X86Case withEndBlock(boolean end) {
        return new X86Case(code, init, asm, flagMask, end);
    }

    public X86Case withFlagMask(long mask) {
        return new X86Case(code, init, asm, mask, endBlock);
    }

    /** Code built with labels: {@code end} is bound after the last instruction. */
    public static byte[] assemble(BiConsumer<X86Asm, X86Asm.Label> body) {
        X86Asm a = new X86Asm();
        X86Asm.Label end = a.newLabel();
        body.accept(a, end);
        a.bind(end);
        return a.toBytes();
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("code:");
        for (byte b : code) {
            sb.append(String.format(" %02x", b & 0xFF));
        }
        if (asm != null) {
            sb.append("   ").append(asm);
        }
        if (endBlock) {
            sb.append("   (then jmp .+2)");
        }
        sb.append(String.format("   flags compared: 0x%03x (%s)%n", flagMask, X86State.flags(flagMask)));
        sb.append(init.describe());
        return sb.toString();
    }
}

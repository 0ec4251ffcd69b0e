package dev.emu.core.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Builds a new block from an existing one with IR inserted after chosen INSN_STARTs. Temps
 * keep their ids (new ones are appended) and labels are re-created, so the original block
 * stays intact and valid.
 */
public final class BlockRewriter {
    private BlockRewriter() {}

    /**
     * After the INSN_START of every instruction whose pc passes {@code filter}, calls
     * {@code hook(cpu, pc) -> int} and leaves the block (at the pc slot's value, which the
     * hook may have changed) when it returns non-zero. The hook must take the CpuState.
     */
    public static Block insertInsnHook(Block b, LongPredicate filter, Helper hook, int pcSlot) {
        if (!hook.touchesState() || hook.arity() != 1 || hook.paramType(0) != Type.I64 || hook.returnType() != Type.I32) {
            throw new IllegalArgumentException(hook + " must be (CpuState, long) -> int");
        }
        List<Insn> out = new ArrayList<>(b.insns.length * 2);
        List<Type> temps = new ArrayList<>(List.of(b.tempTypes));
        Label[] labels = new Label[b.numLabels];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = new Label(i);
        }
        for (Insn in : b.insns) {
            Object aux = in.aux instanceof Label l ? labels[l.id] : in.aux;
            if (in.op == Op.LABEL) {
                labels[((Label) in.aux).id].position = out.size();
            }
            out.add(aux == in.aux ? in : new Insn(in.op, in.type, in.dst, in.args, in.imm, aux));
            if (in.op == Op.INSN_START && filter.test(in.imm)) {
                int pc = newTemp(temps, Type.I64);
                out.add(new Insn(Op.CONST, Type.I64, pc, new int[0], in.imm, null));
                int r = newTemp(temps, Type.I32);
                out.add(new Insn(Op.CALL, Type.I32, r, new int[] {pc}, 0, hook));
                int zero = newTemp(temps, Type.I32);
                out.add(new Insn(Op.CONST, Type.I32, zero, new int[0], 0, null));
                int leave = newTemp(temps, Type.I32);
                out.add(new Insn(Op.CMP_NE, Type.I32, leave, new int[] {r, zero}, 0, null));
                int target = newTemp(temps, Type.I64);
                out.add(new Insn(Op.GET_REG, Type.I64, target, new int[0], pcSlot, null));
                out.add(new Insn(Op.EXIT_IF, Type.I64, -1, new int[] {leave, target}, 0, null));
            }
        }
        Block r = new Block(b.startPc, b.endPc, b.mode, b.guestInsns, out.toArray(new Insn[0]),
                temps.toArray(new Type[0]), b.numLabels);
        IrVerifier.verify(r);
        return r;
    }

    private static int newTemp(List<Type> temps, Type t) {
        temps.add(t);
        return temps.size() - 1;
    }
}

package dev.emu.core.ir;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

class IrVerifierTest {
    @Test
    void acceptsForwardBranchAroundCode() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x1000);
        Value x = b.getReg64(0);
        Label skip = b.newLabel();
        b.brIf(b.cmpEq(x, b.c64(0)), skip);
        b.setReg(1, b.add(x, b.c64(1)));
        b.label(skip);
        b.setReg(2, x); // defined before the branch: fine after the join
        b.exit(0x1004);
        assertThatCode(() -> b.build(0x1000, 0x1004, 0)).doesNotThrowAnyException();
    }

    @Test
    void rejectsUseOfValueTheBranchSkipped() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x1000);
        Value x = b.getReg64(0);
        Label skip = b.newLabel();
        b.brIf(b.cmpEq(x, b.c64(0)), skip);
        Value y = b.add(x, b.c64(1));
        b.label(skip);
        b.setReg(2, y);
        b.exit(0x1004);
        assertThatThrownBy(() -> b.build(0x1000, 0x1004, 0)).hasMessageContaining("may be undefined");
    }

    @Test
    void rejectsMissingTerminatorAndUnplacedLabel() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0);
        b.setReg(0, b.c64(1));
        assertThatThrownBy(() -> b.build(0, 4, 0)).hasMessageContaining("must end");

        IrBuilder c = new IrBuilder();
        c.insnStart(0);
        c.br(c.newLabel());
        c.exit(4);
        assertThatThrownBy(() -> c.build(0, 4, 0)).hasMessageContaining("never placed");
    }

    @Test
    void builderRejectsMixedTypes() {
        IrBuilder b = new IrBuilder();
        assertThatThrownBy(() -> b.add(b.c32(1), b.c64(1))).hasMessageContaining("differ");
        assertThatThrownBy(() -> b.load(Type.I64, b.c32(0), 8, false, false)).hasMessageContaining("must be I64");
        assertThatThrownBy(() -> b.sext(b.c32(1), 64, Type.I64)).hasMessageContaining("cannot extend");
    }

    @Test
    void nothingAfterTerminator() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0);
        b.exit(4);
        assertThatThrownBy(() -> b.setReg(0, b.c64(0))).hasMessageContaining("terminated");
    }

    @Test
    void floatToIntImmediateMustNameTheOperandWidth() {
        Insn[] code = {
            new Insn(Op.CONST, Type.I64, 0, new int[0], 0, null),
            new Insn(Op.FTOSI, Type.I32, 1, new int[] {0}, 0, null), // claims binary32, gets an I64
            new Insn(Op.CONST, Type.I64, 2, new int[0], 4, null),
            new Insn(Op.EXIT, Type.I64, -1, new int[] {2}, 0, null),
        };
        Block b = new Block(0, 4, 0, 0, code, new Type[] {Type.I64, Type.I32, Type.I64}, 0);
        assertThatThrownBy(() -> IrVerifier.verify(b)).hasMessageContaining("operand of type I64");
    }
}

package dev.emu.core.jit;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.BlockCode;
import dev.emu.core.interp.IrInterpreter;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.GuestFault;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs one block on both tiers and compares everything the BlockCode contract covers. */
final class Tiers {
    private Tiers() {}

    /** What a block run leaves behind. */
    record Outcome(long next, long[] regs, long icount, TrapKind trap, long trapDetail, int exitIndex, String fault) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome x && x.next == next && Arrays.equals(x.regs, regs) && x.icount == icount
                    && x.trap == trap && x.trapDetail == trapDetail && x.exitIndex == exitIndex
                    && java.util.Objects.equals(x.fault, fault);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(next) ^ Arrays.hashCode(regs);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("next=0x" + Long.toHexString(next) + " icount=" + icount
                    + " exit=" + exitIndex + " trap=" + trap + "/0x" + Long.toHexString(trapDetail) + " fault=" + fault);
            for (int i = 0; i < regs.length; i++) {
                sb.append(i % 4 == 0 ? "\n  " : " ").append(i).append('=').append(Long.toHexString(regs[i]));
            }
            return sb.toString();
        }
    }

    static Outcome run(BlockCode code, CpuState s) {
        s.exitIndex = -7;
        long next = -1;
        String fault = null;
        try {
            next = code.run(s);
        } catch (GuestFault f) {
            fault = f.getMessage();
        }
        return new Outcome(next, s.regs.clone(), s.icount, s.trap, s.trapDetail, s.exitIndex, fault);
    }

    static Outcome interpret(Block b, CpuState s) {
        return run(st -> IrInterpreter.run(b, st), s);
    }

    static Outcome jit(Block b, CpuState s) {
        BlockCode code = BlockCompiler.compile(b);
        assertThat(code).as("compiled\n%s", b).isNotNull();
        return run(code, s);
    }

    /** Runs b on copies of s (and of its memory) on both tiers, asserts they agree, and returns the outcome. */
    static Outcome both(Block b, CpuState s) {
        Outcome i = interpret(b, s.copy(s.mem == null ? null : s.mem.fork()));
        Outcome j = jit(b, s.copy(s.mem == null ? null : s.mem.fork()));
        assertThat(j).as("JIT vs interpreter on\n%s", b).isEqualTo(i);
        return i;
    }
}

package dev.emu.core.interp;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.Insn;
import dev.emu.core.ir.MemOp;
import dev.emu.core.ir.Op;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Type;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;
import dev.emu.core.rt.Ops;

/**
 * Tier 0 and the reference semantics of the IR: executes a {@link Block} directly.
 * I32 temps are held sign-extended in a {@code long[]}.
 */
public final class IrInterpreter {
    private IrInterpreter() {}

    /**
     * A thread's temps and helper argument arrays, reused from block to block: every block
     * starts here, and fresh arrays per run were a steady share of the allocation (and so of
     * the young generation's growth). Every temp is defined before it is read (IrVerifier), so
     * stale values never show. A run that starts while another one of the same thread is
     * still going (a hook helper that runs guest code) gets fresh arrays.
     */
    private static final class Scratch {
        long[] temps = new long[64];
        final long[][] args = new long[9][];
        boolean busy;

        Scratch() {
            for (int n = 0; n < args.length; n++) {
                args[n] = new long[n];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Runs {@code b} on {@code s} under the {@link dev.emu.core.engine.BlockCode} contract. */
    public static long run(Block b, CpuState s) {
        Scratch scratch = SCRATCH.get();
        if (scratch.busy) {
            return run(b, s, new Scratch());
        }
        scratch.busy = true;
        try {
            return run(b, s, scratch);
        } finally {
            scratch.busy = false;
        }
    }

    private static long run(Block b, CpuState s, Scratch scratch) {
        final Insn[] code = b.insns;
        if (scratch.temps.length < b.numTemps()) {
            scratch.temps = new long[Math.max(b.numTemps(), 2 * scratch.temps.length)];
        }
        final long[] t = scratch.temps;
        final long[] regs = s.regs;
        int completed = -1; // guest instructions started, minus one
        long insnPc = b.startPc;
        int i = 0;
        try {
            while (true) {
                Insn in = code[i];
                final boolean w32 = in.type == Type.I32;
                long r = 0;
                switch (in.op) {
                    case CONST -> r = in.imm;
                    case GET_REG -> r = regs[(int) in.imm];
                    case SET_REG -> regs[(int) in.imm] = w32 ? t[in.args[0]] & 0xFFFF_FFFFL : t[in.args[0]];
                    case ADD -> r = t[in.args[0]] + t[in.args[1]];
                    case SUB -> r = t[in.args[0]] - t[in.args[1]];
                    case MUL -> r = t[in.args[0]] * t[in.args[1]];
                    case AND -> r = t[in.args[0]] & t[in.args[1]];
                    case OR -> r = t[in.args[0]] | t[in.args[1]];
                    case XOR -> r = t[in.args[0]] ^ t[in.args[1]];
                    case SHL -> r = w32 ? (int) t[in.args[0]] << (int) t[in.args[1]] : t[in.args[0]] << t[in.args[1]];
                    case SHR -> r = w32 ? (int) t[in.args[0]] >>> (int) t[in.args[1]] : t[in.args[0]] >>> t[in.args[1]];
                    case SAR -> r = w32 ? (int) t[in.args[0]] >> (int) t[in.args[1]] : t[in.args[0]] >> t[in.args[1]];
                    case ROTL -> r = w32 ? Integer.rotateLeft((int) t[in.args[0]], (int) t[in.args[1]])
                            : Long.rotateLeft(t[in.args[0]], (int) t[in.args[1]]);
                    case ROTR -> r = w32 ? Integer.rotateRight((int) t[in.args[0]], (int) t[in.args[1]])
                            : Long.rotateRight(t[in.args[0]], (int) t[in.args[1]]);
                    case MULHS -> r = w32 ? Ops.mulhs32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.mulhs64(t[in.args[0]], t[in.args[1]]);
                    case MULHU -> r = w32 ? Ops.mulhu32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.mulhu64(t[in.args[0]], t[in.args[1]]);
                    case DIVS -> r = w32 ? Ops.divs32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.divs64(t[in.args[0]], t[in.args[1]]);
                    case DIVU -> r = w32 ? Ops.divu32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.divu64(t[in.args[0]], t[in.args[1]]);
                    case REMS -> r = w32 ? Ops.rems32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.rems64(t[in.args[0]], t[in.args[1]]);
                    case REMU -> r = w32 ? Ops.remu32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.remu64(t[in.args[0]], t[in.args[1]]);
                    case NEG -> r = -t[in.args[0]];
                    case NOT -> r = ~t[in.args[0]];
                    case CLZ -> r = w32 ? Integer.numberOfLeadingZeros((int) t[in.args[0]])
                            : Long.numberOfLeadingZeros(t[in.args[0]]);
                    case CTZ -> r = w32 ? Integer.numberOfTrailingZeros((int) t[in.args[0]])
                            : Long.numberOfTrailingZeros(t[in.args[0]]);
                    case POPCNT -> r = w32 ? Integer.bitCount((int) t[in.args[0]]) : Long.bitCount(t[in.args[0]]);
                    case BSWAP -> r = w32 ? Integer.reverseBytes((int) t[in.args[0]]) : Long.reverseBytes(t[in.args[0]]);
                    case SEXT -> r = switch ((int) in.imm) {
                        case 8 -> (byte) t[in.args[0]];
                        case 16 -> (short) t[in.args[0]];
                        default -> (int) t[in.args[0]];
                    };
                    case ZEXT -> r = switch ((int) in.imm) {
                        case 8 -> t[in.args[0]] & 0xFF;
                        case 16 -> t[in.args[0]] & 0xFFFF;
                        default -> t[in.args[0]] & 0xFFFF_FFFFL;
                    };
                    case CMP_EQ -> r = t[in.args[0]] == t[in.args[1]] ? 1 : 0;
                    case CMP_NE -> r = t[in.args[0]] != t[in.args[1]] ? 1 : 0;
                    // I32 temps are sign-extended, so signed compares on the longs are right
                    case CMP_LTS -> r = t[in.args[0]] < t[in.args[1]] ? 1 : 0;
                    case CMP_LES -> r = t[in.args[0]] <= t[in.args[1]] ? 1 : 0;
                    case CMP_LTU -> r = unsignedCmp(w32, t[in.args[0]], t[in.args[1]]) < 0 ? 1 : 0;
                    case CMP_LEU -> r = unsignedCmp(w32, t[in.args[0]], t[in.args[1]]) <= 0 ? 1 : 0;
                    case SELECT -> r = t[in.args[0]] != 0 ? t[in.args[1]] : t[in.args[2]];
                    case LOAD -> r = load(s.mem, in.imm, t[in.args[0]]);
                    case STORE -> store(s.mem, in.imm, t[in.args[0]], t[in.args[1]]);
                    case CAS -> r = cas(s.mem, in.imm, t[in.args[0]], t[in.args[1]], t[in.args[2]]);
                    case FENCE -> AddressSpace.fence();
                    case FADD -> r = w32 ? Ops.fadd32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.fadd64(t[in.args[0]], t[in.args[1]]);
                    case FSUB -> r = w32 ? Ops.fsub32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.fsub64(t[in.args[0]], t[in.args[1]]);
                    case FMUL -> r = w32 ? Ops.fmul32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.fmul64(t[in.args[0]], t[in.args[1]]);
                    case FDIV -> r = w32 ? Ops.fdiv32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.fdiv64(t[in.args[0]], t[in.args[1]]);
                    case FSQRT -> r = w32 ? Ops.fsqrt32((int) t[in.args[0]]) : Ops.fsqrt64(t[in.args[0]]);
                    case FMA -> r = w32 ? Ops.fma32((int) t[in.args[0]], (int) t[in.args[1]], (int) t[in.args[2]])
                            : Ops.fma64(t[in.args[0]], t[in.args[1]], t[in.args[2]]);
                    case FCMP_EQ -> r = w32 ? Ops.fcmpEq32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.fcmpEq64(t[in.args[0]], t[in.args[1]]);
                    case FCMP_LT -> r = w32 ? Ops.fcmpLt32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.fcmpLt64(t[in.args[0]], t[in.args[1]]);
                    case FCMP_LE -> r = w32 ? Ops.fcmpLe32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.fcmpLe64(t[in.args[0]], t[in.args[1]]);
                    case FCMP_UN -> r = w32 ? Ops.fcmpUn32((int) t[in.args[0]], (int) t[in.args[1]])
                            : Ops.fcmpUn64(t[in.args[0]], t[in.args[1]]);
                    case FCVT -> r = w32 ? Ops.f64to32(t[in.args[0]]) : Ops.f32to64((int) t[in.args[0]]);
                    case SITOF -> r = intToFloat(true, b.tempTypes[in.args[0]] == Type.I32, w32, t[in.args[0]]);
                    case UITOF -> r = intToFloat(false, b.tempTypes[in.args[0]] == Type.I32, w32, t[in.args[0]]);
                    case FTOSI -> r = floatToInt(true, in.imm == 0, w32, t[in.args[0]]);
                    case FTOUI -> r = floatToInt(false, in.imm == 0, w32, t[in.args[0]]);
                    case CALL -> {
                        Helper h = in.helper();
                        long[] a = scratch.args[in.args.length];
                        for (int k = 0; k < a.length; k++) {
                            a[k] = t[in.args[k]];
                        }
                        r = h.invoke(s, a);
                    }
                    case BR -> {
                        i = in.label().position();
                        continue;
                    }
                    case BR_IF -> {
                        if (t[in.args[0]] != 0) {
                            i = in.label().position();
                            continue;
                        }
                    }
                    case LABEL -> { }
                    case INSN_START -> {
                        completed++;
                        insnPc = in.imm;
                    }
                    case EXIT_IF -> {
                        if (t[in.args[0]] != 0) {
                            return leave(s, b, i, completed + 1, t[in.args[1]]);
                        }
                    }
                    case EXIT -> {
                        return leave(s, b, i, completed + 1, t[in.args[0]]);
                    }
                    case TRAP -> {
                        s.trap = (TrapKind) in.aux;
                        s.trapDetail = in.imm;
                        return leave(s, b, i, completed + 1, t[in.args[0]]);
                    }
                }
                if (in.dst >= 0) {
                    t[in.dst] = w32 ? (long) (int) r : r;
                }
                i++;
            }
        } catch (GuestFault f) {
            s.regs[s.pcSlot] = insnPc;
            s.icount += Math.max(completed, 0);
            throw f;
        }
    }

    private static long leave(CpuState s, Block b, int insnIndex, int executed, long pc) {
        s.regs[s.pcSlot] = pc;
        s.icount += executed;
        s.exitIndex = b.exitIndex(insnIndex);
        return pc;
    }

    private static int unsignedCmp(boolean w32, long a, long b) {
        return w32 ? Integer.compareUnsigned((int) a, (int) b) : Long.compareUnsigned(a, b);
    }

    static long load(AddressSpace m, long memOp, long addr) {
        boolean be = MemOp.bigEndian(memOp);
        boolean signed = MemOp.signed(memOp);
        return switch (MemOp.size(memOp)) {
            case 1 -> signed ? (byte) m.ld8(addr) : m.ld8(addr);
            case 2 -> {
                int v = be ? m.ld16be(addr) : m.ld16le(addr);
                yield signed ? (short) v : v & 0xFFFF;
            }
            case 4 -> {
                int v = be ? m.ld32be(addr) : m.ld32le(addr);
                yield signed ? v : v & 0xFFFF_FFFFL;
            }
            default -> be ? m.ld64be(addr) : m.ld64le(addr);
        };
    }

    static void store(AddressSpace m, long memOp, long addr, long v) {
        boolean be = MemOp.bigEndian(memOp);
        switch (MemOp.size(memOp)) {
            case 1 -> m.st8(addr, (int) v);
            case 2 -> {
                if (be) {
                    m.st16be(addr, (int) v);
                } else {
                    m.st16le(addr, (int) v);
                }
            }
            case 4 -> {
                if (be) {
                    m.st32be(addr, (int) v);
                } else {
                    m.st32le(addr, (int) v);
                }
            }
            default -> {
                if (be) {
                    m.st64be(addr, v);
                } else {
                    m.st64le(addr, v);
                }
            }
        }
    }

    static long cas(AddressSpace m, long memOp, long addr, long expected, long value) {
        boolean be = MemOp.bigEndian(memOp);
        if (MemOp.size(memOp) == 4) {
            int old = be ? m.cas32be(addr, (int) expected, (int) value) : m.cas32le(addr, (int) expected, (int) value);
            return old & 0xFFFF_FFFFL;
        }
        return be ? m.cas64be(addr, expected, value) : m.cas64le(addr, expected, value);
    }

    private static long intToFloat(boolean signed, boolean from32, boolean to32, long v) {
        if (signed) {
            if (to32) {
                return from32 ? Ops.s32tof32((int) v) : Ops.s64tof32(v);
            }
            return from32 ? Ops.s32tof64((int) v) : Ops.s64tof64(v);
        }
        if (to32) {
            return from32 ? Ops.u32tof32((int) v) : Ops.u64tof32(v);
        }
        return from32 ? Ops.u32tof64((int) v) : Ops.u64tof64(v);
    }

    private static long floatToInt(boolean signed, boolean from32, boolean to32, long v) {
        if (signed) {
            if (to32) {
                return from32 ? Ops.f32tos32((int) v) : Ops.f64tos32(v);
            }
            return from32 ? Ops.f32tos64((int) v) : Ops.f64tos64(v);
        }
        if (to32) {
            return from32 ? Ops.f32tou32((int) v) : Ops.f64tou32(v);
        }
        return from32 ? Ops.f32tou64((int) v) : Ops.f64tou64(v);
    }
}

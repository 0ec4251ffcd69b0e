package dev.emu.x86.decode;

import dev.emu.x86.ByteSource;
import dev.emu.core.mem.GuestFault;

/**
 * Decodes one instruction (SDM Vol. 2 chapter 2): legacy prefixes, REX, the opcode through
 * the one-, two- and three-byte maps, ModRM/SIB with displacement (RIP-relative when
 * mod = 00 and rm = 101), and the immediates the row asks for. An undefined cell, a LOCK
 * where the row does not allow one, or more than 15 bytes gives {@code entry == null}; the
 * lifter turns that into an illegal-instruction trap with the first bytes as its detail.
 */
public final class X86Decoder {
    public static final int MAX_LENGTH = 15;

    private X86Decoder() {}

    private static final class Reader {
        final ByteSource src;
        final long pc;
        int pos;
        long head;

        Reader(ByteSource src, long pc) {
            this.src = src;
            this.pc = pc;
        }

        int u8() {
            int b = src.byteAt(pc + pos);
            if (pos < 8) {
                head |= (long) b << (8 * pos);
            }
            pos++;
            return b;
        }

        long s8() {
            return (byte) u8();
        }

        long u16() {
            return u8() | u8() << 8;
        }

        long s32() {
            return (long) (u8() | u8() << 8 | u8() << 16 | u8() << 24);
        }

        long u64() {
            long lo = s32() & 0xFFFF_FFFFL;
            return lo | s32() << 32;
        }
    }

    /** Decodes the instruction at {@code pc}; a fetch fault propagates. */
    public static X86Insn decode(ByteSource src, long pc) {
        Reader r = new Reader(src, pc);
        X86Insn i = new X86Insn();
        i.pc = pc;
        int b;
        while (true) {
            b = r.u8();
            if ((b & 0xF0) == 0x40) {
                i.rex = b; // a REX counts only right before the opcode
            } else if (isPrefix(b)) {
                i.rex = 0; // a legacy prefix after REX cancels it
                switch (b) {
                    case 0x66 -> i.opsize = true;
                    case 0x67 -> i.addrsize = true;
                    case 0xF0 -> i.lock = true;
                    case 0xF2 -> {
                        i.repnz = true;
                        i.repz = false;
                    }
                    case 0xF3 -> {
                        i.repz = true;
                        i.repnz = false;
                    }
                    case 0x64 -> i.segment = X86Insn.SEG_FS;
                    case 0x65 -> i.segment = X86Insn.SEG_GS;
                    default -> { } // CS/DS/ES/SS overrides: null in 64-bit mode
                }
            } else {
                break;
            }
            if (r.pos >= MAX_LENGTH) {
                return bad(i, r);
            }
        }
        // The mandatory prefix of the 0F maps: F2/F3 (the last one) win over 66, which then
        // only sizes the operand (F3 66 0F BD is LZCNT r16).
        i.mandatory = i.repz ? 0xF3 : i.repnz ? 0xF2 : i.opsize ? 0x66 : 0;
        OpcodeEntry[] map = OneByteMap.TABLE;
        i.map = 1;
        if (b == 0x0F) {
            b = r.u8();
            if (b == 0x38) {
                map = ThreeByteMaps.MAP_0F38;
                i.map = 3;
                b = r.u8();
            } else if (b == 0x3A) {
                map = ThreeByteMaps.MAP_0F3A;
                i.map = 4;
                b = r.u8();
            } else {
                map = TwoByteMap.TABLE;
                i.map = 2;
            }
        }
        i.opcode = b;
        OpcodeEntry e = map[b];
        if (e == null) {
            return bad(i, r);
        }
        if (e.has(OpcodeEntry.MODRM)) {
            modrm(i, r);
        }
        int flags = e.flags();
        e = resolve(e, i);
        if (e == null) {
            return bad(i, r);
        }
        flags |= e.flags();
        if (e.has(OpcodeEntry.PLUS_R)) {
            i.reg = (b & 7) | ((i.rex & 1) << 3);
        }
        if ((flags & OpcodeEntry.BYTE) != 0) {
            i.opSize = 8;
        } else if ((flags & OpcodeEntry.F64) != 0) {
            i.opSize = 64;
        } else if (i.rexW()) {
            i.opSize = 64;
        } else if (i.opsize) {
            i.opSize = 16;
        } else {
            i.opSize = (flags & OpcodeEntry.D64) != 0 ? 64 : 32;
        }
        switch (e.imm()) {
            case NONE -> { }
            case B -> i.imm = r.u8();
            case W -> i.imm = r.u16();
            case Z -> i.imm = i.opSize == 16 ? r.u16() : r.s32();
            case V -> i.imm = i.opSize == 64 ? r.u64() : i.opSize == 16 ? r.u16() : r.s32() & 0xFFFF_FFFFL;
            case O -> i.imm = i.addrsize ? r.s32() & 0xFFFF_FFFFL : r.u64();
            case WB -> {
                i.imm = r.u16();
                i.imm2 = r.u8();
            }
            case JB -> i.imm = r.s8();
            case JZ -> i.imm = r.s32();
        }
        if (r.pos > MAX_LENGTH || i.lock && (!e.has(OpcodeEntry.LOCKABLE) || !i.isMemory())) {
            return bad(i, r);
        }
        i.entry = e;
        i.length = r.pos;
        i.head = r.head;
        return i;
    }

    private static boolean isPrefix(int b) {
        return switch (b) {
            case 0x66, 0x67, 0xF0, 0xF2, 0xF3, 0x2E, 0x3E, 0x26, 0x36, 0x64, 0x65 -> true;
            default -> false;
        };
    }

    /** Walks a split cell down to its leaf (null: undefined). */
    private static OpcodeEntry resolve(OpcodeEntry e, X86Insn i) {
        while (e != null && !e.isLeaf()) {
            if (e.byPrefix() != null) {
                int k = switch (i.mandatory) {
                    case 0x66 -> 1;
                    case 0xF3 -> 2;
                    case 0xF2 -> 3;
                    default -> 0;
                };
                e = e.byPrefix()[k];
            } else if (e.byReg() != null) {
                e = e.byReg()[i.regOp()];
            } else {
                e = i.mod == 3 ? e.regForm() : e.memForm();
            }
        }
        return e;
    }

    /** ModRM, SIB and displacement (SDM 2.1.5, 2.2.1). */
    private static void modrm(X86Insn i, Reader r) {
        int m = r.u8();
        i.hasModrm = true;
        i.mod = m >> 6;
        i.reg = ((m >> 3) & 7) | ((i.rex & 4) << 1);
        int rm = m & 7;
        int rexB = (i.rex & 1) << 3;
        if (i.mod == 3) {
            i.rm = rm | rexB;
            return;
        }
        if (rm == 4) {
            int sib = r.u8();
            i.scale = 1 << (sib >> 6);
            int index = ((sib >> 3) & 7) | ((i.rex & 2) << 2);
            i.index = index == 4 ? -1 : index; // rsp cannot be an index; r12 can
            int base = sib & 7;
            if (base == 5 && i.mod == 0) {
                i.base = -1;
                i.disp = r.s32();
            } else {
                i.base = base | rexB;
            }
        } else if (rm == 5 && i.mod == 0) {
            i.ripRelative = true;
            i.disp = r.s32();
        } else {
            i.base = rm | rexB;
        }
        if (i.mod == 1) {
            i.disp = r.s8();
        } else if (i.mod == 2) {
            i.disp = r.s32();
        }
    }

    /** An undefined encoding: the bytes read so far and up to 8 in all for the trap's detail. */
    private static X86Insn bad(X86Insn i, Reader r) {
        i.entry = null;
        i.length = Math.min(r.pos, MAX_LENGTH);
        long head = r.head;
        for (int p = r.pos; p < 8; p++) {
            try {
                head |= (long) r.src.byteAt(r.pc + p) << (8 * p);
            } catch (GuestFault f) {
                break;
            }
        }
        i.head = head;
        return i;
    }
}

package dev.emu.core.ir;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.mem.AddressSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random valid IR blocks over every op and both widths, for co-simulating tiers:
 * register reads and writes, forward branches (some skipping whole guest instructions),
 * exit_ifs, helpers pure and state-touching, and, when a memory is supplied, loads, stores
 * and cas over a mapped window plus the occasional access to an unmapped address.
 *
 * <p>Blocks keep the lifters' promise the JIT relies on for precise faults: once a guest
 * instruction has written a register, it makes no further access that can fault.
 */
public final class RandomBlocks {
    public static final int GPRS = 16;
    /** r0..r15 and pc (slot 16). */
    public static final RegisterFile REGISTERS;

    static {
        RegisterFile.Builder rb = RegisterFile.builder();
        for (int i = 0; i < GPRS; i++) {
            rb.add("r" + i, 64);
        }
        rb.pc("pc", 64);
        REGISTERS = rb.build();
    }

    /**
     * Where the generated accesses go: {@code size} read-write bytes at {@code base} (two
     * pages, so unaligned accesses cross a page), a read-only page at {@code readOnly} and
     * an address with nothing mapped.
     */
    public record Window(long base, int size, long readOnly, long unmapped) {
        public static final Window STANDARD = new Window(0x10_0000L, 2 * AddressSpace.PAGE_SIZE, 0x10_3000L, 0x11_0000L);

        /**
         * A 64-bit address space with this window mapped and filled from {@code seed}, or null
         * while AddressSpace is not implemented (memory ops are then left out).
         */
        public AddressSpace newMemory(long seed) {
            AddressSpace m;
            try {
                m = new AddressSpace(64);
            } catch (UnsupportedOperationException e) {
                return null;
            }
            m.map(base, size, dev.emu.core.mem.Prot.RW);
            m.map(readOnly, AddressSpace.PAGE_SIZE, dev.emu.core.mem.Prot.READ);
            Random r = new Random(seed);
            byte[] bytes = new byte[size];
            r.nextBytes(bytes);
            // some words equal to common constants, so that loads feed cas its expected value
            for (int i = 0; i + 8 <= size; i += 64) {
                bytes[i] = 0;
            }
            m.poke(base, bytes, 0, size);
            bytes = new byte[AddressSpace.PAGE_SIZE];
            r.nextBytes(bytes);
            m.poke(readOnly, bytes, 0, bytes.length);
            return m;
        }

        /** Everything a block may have changed: the read-write window. */
        public byte[] contents(AddressSpace m) {
            byte[] out = new byte[size];
            m.peek(base, out, 0, size);
            return out;
        }
    }

    private static final long[] EDGE64 = {
        0, 1, -1, 2, 7, 8, 16, 31, 32, 33, 63, 64, 65, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF,
        0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MIN_VALUE, Long.MAX_VALUE,
        0xFFFF_FFFF_8000_0000L, 0xFFFF_FFFF_0000_0000L, Integer.MIN_VALUE, Integer.MAX_VALUE,
        // binary32 patterns (low halves): +-0, +-1, +-inf, qNaN, sNaN, denormal, max, 2^31, 2^32, 2^63
        0x8000_0000L, 0x3F80_0000L, 0xBF80_0000L, 0x7F80_0000L, 0xFF80_0000L, 0x7FC0_0000L, 0x7F80_0001L,
        0x0000_0001L, 0x7F7F_FFFFL, 0x4F00_0000L, 0x4F80_0000L, 0x5F00_0000L, 0xCF00_0000L, 0x4B80_0000L,
        // binary64 patterns
        0x8000_0000_0000_0000L, 0x3FF0_0000_0000_0000L, 0xBFF0_0000_0000_0000L, 0x7FF0_0000_0000_0000L,
        0xFFF0_0000_0000_0000L, 0x7FF8_0000_0000_0000L, 0x7FF0_0000_0000_0001L, 0xFFF4_0000_0000_1234L,
        0x0000_0000_0000_0001L, 0x41E0_0000_0000_0000L, 0x41F0_0000_0000_0000L, 0x43E0_0000_0000_0000L,
        0x43F0_0000_0000_0000L, 0xC3E0_0000_0000_0000L, 0xC1E0_0000_0000_0000L, 0x3FE0_0000_0000_0000L,
        0x4330_0000_0000_0000L, 0x36A0_0000_0000_0000L, 0x47EF_FFFF_E000_0000L,
    };

    private static final Op[] BINARY = {
        Op.ADD, Op.SUB, Op.MUL, Op.AND, Op.OR, Op.XOR, Op.SHL, Op.SHR, Op.SAR, Op.ROTL, Op.ROTR,
        Op.MULHS, Op.MULHU, Op.DIVS, Op.DIVU, Op.REMS, Op.REMU,
        Op.CMP_EQ, Op.CMP_NE, Op.CMP_LTS, Op.CMP_LES, Op.CMP_LTU, Op.CMP_LEU,
        Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV, Op.FCMP_EQ, Op.FCMP_LT, Op.FCMP_LE, Op.FCMP_UN,
    };
    private static final Op[] UNARY = {Op.NEG, Op.NOT, Op.CLZ, Op.CTZ, Op.POPCNT, Op.BSWAP, Op.FSQRT};

    private final Random rnd;
    private final Window window;
    private IrBuilder b;
    private final List<Value> i32 = new ArrayList<>();
    private final List<Value> i64 = new ArrayList<>();
    /** Addresses of earlier accesses still in scope: later ones go near them, as a lifter's do. */
    private final List<Value> addresses = new ArrayList<>();
    /** Open forward branches: the label and how many temps of each type were visible at the branch. */
    private final List<long[]> scopes = new ArrayList<>();
    private final List<Label> scopeLabels = new ArrayList<>();
    private boolean wroteRegThisInsn;
    private int badAddressOneIn = 40;
    /** Lifter-like blocks leave early only now and then, so their later parts run too. */
    private boolean rareExits;
    private long pc;
    /** Region tests: where constant exits go (null: anywhere). */
    private long[] loopTargets;

    /** @param window where memory ops go, or null for blocks without memory ops */
    public RandomBlocks(long seed, Window window) {
        this.rnd = new Random(seed);
        this.window = window;
    }

    /** How rarely a memory access goes to an address that faults (1 in n); 40 unless set. */
    public RandomBlocks badAddressesOneIn(int n) {
        badAddressOneIn = n;
        return this;
    }

    public Random random() {
        return rnd;
    }

    /** A value biased toward edges: one of the interesting constants, a small number, or random bits. */
    public long value() {
        return switch (rnd.nextInt(4)) {
            case 0, 1 -> EDGE64[rnd.nextInt(EDGE64.length)];
            case 2 -> rnd.nextInt(200) - 100;
            default -> rnd.nextLong();
        };
    }

    /** A fresh state with random registers and the pc at {@code pc}. */
    public CpuState state(AddressSpace mem, long pcValue) {
        CpuState s = new CpuState(REGISTERS, mem);
        for (int r = 0; r < GPRS; r++) {
            s.regs[r] = value();
        }
        s.setPc(pcValue);
        return s;
    }

    /** A block of 1 to 12 guest instructions whose temps may live across instructions. */
    public Block next() {
        return next(1 + rnd.nextInt(12), false);
    }

    /**
     * A block of {@code insns} guest instructions. With {@code lifterLike}, temps die at the
     * end of their guest instruction and branches stay inside it, as real lifters emit them,
     * which leaves the JIT places to split a long block.
     */
    public Block next(int insns, boolean lifterLike) {
        return next(insns, lifterLike, 0x1_0000L + 4L * rnd.nextInt(1 << 16), null, -1, 0);
    }

    /**
     * A block at {@code start} for a loop: most constant exits go to one of {@code targets},
     * and it decrements the register {@code counterSlot} (which the
     * random code never writes) first and leaves to {@code done} when that reaches zero, so any loop
     * of such blocks ends.
     */
    public Block nextInLoop(long start, int insns, long[] targets, int counterSlot, long done) {
        return next(insns, false, start, targets, counterSlot, done);
    }

    private Block next(int insns, boolean lifterLike, long start, long[] targets, int counterSlot, long done) {
        b = new IrBuilder();
        loopTargets = targets;
        rareExits = lifterLike;
        i32.clear();
        i64.clear();
        addresses.clear();
        scopes.clear();
        scopeLabels.clear();
        pc = start;
        for (int k = 0; k < insns; k++) {
            if (lifterLike) {
                while (!scopes.isEmpty()) {
                    closeScope();
                }
                i32.clear();
                i64.clear();
                addresses.clear();
            }
            b.insnStart(pc);
            pc += 4;
            wroteRegThisInsn = false;
            if (k == 0 && targets != null) {
                // first, so that no exit back into the loop skips it
                Value left = b.sub(b.getReg64(counterSlot), b.c64(1));
                b.setReg(counterSlot, left);
                b.exitIf(b.cmpEq(left, b.c64(0)), b.c64(done));
                wroteRegThisInsn = true;
            }
            int actions = 1 + rnd.nextInt(8);
            for (int a = 0; a < actions; a++) {
                action();
            }
            if (rnd.nextInt(3) == 0 && !scopes.isEmpty()) {
                closeScope();
            }
        }
        while (!scopes.isEmpty()) {
            closeScope();
        }
        if (targets != null && rnd.nextInt(8) != 0) {
            b.exit(b.c64(loopTarget()));
        } else if (rnd.nextInt(10) == 0) {
            TrapKind[] kinds = TrapKind.values();
            b.trap(kinds[rnd.nextInt(kinds.length)], pc, value());
        } else if (rnd.nextBoolean()) {
            b.exit(pc);
        } else {
            b.exit(any(Type.I64));
        }
        return b.build(start, pc, 0);
    }

    private Type type() {
        return rnd.nextBoolean() ? Type.I32 : Type.I64;
    }

    private List<Value> pool(Type t) {
        return t == Type.I32 ? i32 : i64;
    }

    private Value def(Value v) {
        if (v != null) {
            pool(v.type()).add(v);
        }
        return v;
    }

    /** A visible temp of type t, or a new constant or register read. */
    private Value any(Type t) {
        List<Value> p = pool(t);
        int r = rnd.nextInt(10);
        if (p.isEmpty() || r == 0) {
            return def(b.konst(t, value()));
        }
        if (r == 1) {
            return def(b.getReg(t, rnd.nextInt(GPRS)));
        }
        return p.get(rnd.nextInt(p.size()));
    }

    /** A fresh integer compare, which the JIT may fuse into the branch, exit or select using it. */
    private Value bool() {
        Type t = type();
        Value x = any(t);
        Value y = any(t);
        return def(switch (rnd.nextInt(6)) {
            case 0 -> b.cmpEq(x, y);
            case 1 -> b.cmpNe(x, y);
            case 2 -> b.cmpLts(x, y);
            case 3 -> b.cmpLes(x, y);
            case 4 -> b.cmpLtu(x, y);
            default -> b.cmpLeu(x, y);
        });
    }

    private void action() {
        int r = rnd.nextInt(100);
        if (r < 8) {
            Type t = type();
            int slot = rnd.nextInt(30) == 0 ? REGISTERS.pcSlot() : rnd.nextInt(GPRS);
            def(b.getReg(t, slot));
        } else if (r < 14) {
            def(b.konst(type(), value()));
        } else if (r < 38) {
            binary(BINARY[rnd.nextInt(BINARY.length)]);
        } else if (r < 46) {
            Op op = UNARY[rnd.nextInt(UNARY.length)];
            Value a = any(type());
            def(switch (op) {
                case NEG -> b.neg(a);
                case NOT -> b.not(a);
                case CLZ -> b.clz(a);
                case CTZ -> b.ctz(a);
                case POPCNT -> b.popcnt(a);
                case BSWAP -> b.bswap(a);
                default -> b.fsqrt(a);
            });
        } else if (r < 52) {
            extension();
        } else if (r < 58) {
            conversion();
        } else if (r < 61) {
            Type t = type();
            Value x = any(t);
            Value y = any(t);
            def(b.select(rnd.nextBoolean() ? bool() : any(Type.I32), x, y));
        } else if (r < 63) {
            Type t = type();
            def(b.fma(any(t), any(t), any(t)));
        } else if (r < 73) {
            if (window != null && !wroteRegThisInsn) {
                memory();
            } else {
                binary(Op.ADD);
            }
        } else if (r < 78) {
            call();
        } else if (r < 83) {
            openScope();
        } else if (r < 86) {
            if (!scopes.isEmpty()) {
                closeScope();
            }
        } else if (r < 89) {
            Value target = rnd.nextBoolean() ? def(b.c64(loopTarget())) : any(Type.I64);
            Value cond = rareExits ? def(b.cmpEq(any(Type.I64), b.c64(rnd.nextInt(4))))
                    : rnd.nextBoolean() ? bool() : any(Type.I32);
            b.exitIf(cond, target);
        } else if (r < 90) {
            b.fence();
        } else {
            Type t = type();
            int slot = rnd.nextInt(40) == 0 ? REGISTERS.pcSlot() : rnd.nextInt(GPRS);
            b.setReg(slot, any(t));
            wroteRegThisInsn = true;
        }
    }

    private void binary(Op op) {
        Type t = type();
        Value x = any(t);
        Value y = any(t);
        def(switch (op) {
            case ADD -> b.add(x, y);
            case SUB -> b.sub(x, y);
            case MUL -> b.mul(x, y);
            case AND -> b.and(x, y);
            case OR -> b.or(x, y);
            case XOR -> b.xor(x, y);
            case SHL -> b.shl(x, y);
            case SHR -> b.shr(x, y);
            case SAR -> b.sar(x, y);
            case ROTL -> b.rotl(x, y);
            case ROTR -> b.rotr(x, y);
            case MULHS -> b.mulhs(x, y);
            case MULHU -> b.mulhu(x, y);
            case DIVS -> b.divs(x, y);
            case DIVU -> b.divu(x, y);
            case REMS -> b.rems(x, y);
            case REMU -> b.remu(x, y);
            case CMP_EQ -> b.cmpEq(x, y);
            case CMP_NE -> b.cmpNe(x, y);
            case CMP_LTS -> b.cmpLts(x, y);
            case CMP_LES -> b.cmpLes(x, y);
            case CMP_LTU -> b.cmpLtu(x, y);
            case CMP_LEU -> b.cmpLeu(x, y);
            case FADD -> b.fadd(x, y);
            case FSUB -> b.fsub(x, y);
            case FMUL -> b.fmul(x, y);
            case FDIV -> b.fdiv(x, y);
            case FCMP_EQ -> b.fcmpEq(x, y);
            case FCMP_LT -> b.fcmpLt(x, y);
            case FCMP_LE -> b.fcmpLe(x, y);
            case FCMP_UN -> b.fcmpUn(x, y);
            default -> throw new IllegalArgumentException(op.name());
        });
    }

    private void extension() {
        int bits = new int[] {8, 16, 32}[rnd.nextInt(3)];
        Type from = bits == 32 && rnd.nextBoolean() ? Type.I64 : type();
        Type to = type();
        Value v = any(from);
        def(rnd.nextBoolean() ? b.sext(v, bits, to) : b.zext(v, bits, to));
    }

    private void conversion() {
        Type from = type();
        Type to = type();
        Value v = any(from);
        switch (rnd.nextInt(5)) {
            case 0 -> def(b.fcvt(v, from == Type.I32 ? Type.I64 : Type.I32));
            case 1 -> def(b.sitof(v, to));
            case 2 -> def(b.uitof(v, to));
            case 3 -> def(b.ftosi(v, to));
            default -> def(b.ftoui(v, to));
        }
    }

    private void openScope() {
        Label l = b.newLabel();
        if (rnd.nextInt(6) == 0) {
            b.br(l);
        } else {
            b.brIf(rnd.nextBoolean() ? bool() : any(Type.I32), l);
        }
        scopes.add(new long[] {i32.size(), i64.size()});
        scopeLabels.add(l);
    }

    private void closeScope() {
        int last = scopes.size() - 1;
        long[] marks = scopes.remove(last);
        Label l = scopeLabels.remove(last);
        // temps defined since the branch may be skipped by it
        i32.subList((int) marks[0], i32.size()).clear();
        i64.subList((int) marks[1], i64.size()).clear();
        addresses.retainAll(i64);
        b.label(l);
    }

    /** An address in the window aligned to {@code align}; now and then one that faults. */
    private Value address(int align, boolean write) {
        if (rnd.nextInt(badAddressOneIn) == 0) {
            return def(b.c64(write && rnd.nextBoolean() ? window.readOnly() + 8 * rnd.nextInt(8) : window.unmapped()));
        }
        long mask = (window.size() - 8) & -align;
        Value a;
        if (align == 1 && !addresses.isEmpty() && rnd.nextInt(3) == 0) {
            // base register plus offset: the JIT checks such neighbours' page once (they may
            // still cross a page or leave the window)
            a = b.add(addresses.get(rnd.nextInt(addresses.size())), b.c64(rnd.nextInt(49) - 24));
        } else if (rnd.nextBoolean()) {
            a = b.c64(window.base() + (rnd.nextLong() & mask));
        } else {
            a = b.add(b.c64(window.base()), b.and(any(Type.I64), b.c64(mask)));
        }
        addresses.add(a);
        return def(a);
    }

    private void memory() {
        int size = 1 << rnd.nextInt(4);
        boolean be = rnd.nextBoolean();
        switch (rnd.nextInt(5)) {
            case 0, 1 -> {
                Type t = size == 8 ? Type.I64 : type();
                def(b.load(t, address(1, false), size, rnd.nextBoolean(), be));
            }
            case 2, 3 -> {
                Type t = size == 8 ? Type.I64 : type();
                b.store(address(1, true), any(t), size, be);
            }
            default -> {
                int csize = rnd.nextBoolean() ? 4 : 8;
                Type t = csize == 8 ? Type.I64 : type();
                Value addr = address(csize, true);
                Value expected = rnd.nextBoolean() ? def(b.load(t, addr, csize, false, be)) : any(t);
                def(b.cas(addr, expected, any(t), csize, be));
            }
        }
    }

    private void call() {
        Helper h = Helpers.ALL[rnd.nextInt(Helpers.ALL.length)];
        if (h.equals(Helpers.LOAD_VIA_STATE) && (window == null || wroteRegThisInsn)) {
            h = Helpers.MIX;
        }
        Value[] args = new Value[h.arity()];
        for (int k = 0; k < args.length; k++) {
            args[k] = h.equals(Helpers.LOAD_VIA_STATE) ? address(4, false) : any(h.paramType(k));
        }
        def(b.call(h, args));
        if (h.touchesState()) {
            // a helper that writes registers counts as a register write of this instruction
            wroteRegThisInsn = true;
        }
    }

    private long loopTarget() {
        return loopTargets != null && rnd.nextInt(4) != 0 ? loopTargets[rnd.nextInt(loopTargets.length)]
                : 0x2_0000L + 4L * rnd.nextInt(1000);
    }

    /** Helpers the random blocks call; public so generated code can link to them. */
    public static final class Helpers {
        private Helpers() {}

        public static int mix32(int a, int b) {
            return Integer.rotateLeft(a * 0x9E37_79B9, 7) ^ b;
        }

        public static long mix64(long a, int b, long c) {
            return (a * 0x9E37_79B9_7F4A_7C15L) ^ ((long) b << 17) ^ Long.rotateRight(c, 3);
        }

        public static long eight(long a, int b, long c, int d, long e, int f, long g, int h) {
            return a - b + c * 3 - d + (e ^ f) + g * h;
        }

        public static void nothing(long a) {
            // pure void helper: only its call matters
        }

        public static int none() {
            return 42;
        }

        /** Reads r1, writes r2 and r3, returns the old r3. */
        public static long shuffle(CpuState s, long a) {
            long old = s.regs[3];
            s.regs[2] = s.regs[1] + a;
            s.regs[3] = old ^ a;
            return old;
        }

        public static void bump(CpuState s, int slot) {
            s.regs[slot & (GPRS - 1)]++;
        }

        public static int load32(CpuState s, long addr) {
            return s.mem.ld32le(addr);
        }

        static final Helper MIX = Helper.of(Helpers.class, "mix32");
        static final Helper LOAD_VIA_STATE = Helper.of(Helpers.class, "load32");
        static final Helper[] ALL = {
            MIX, Helper.of(Helpers.class, "mix64"), Helper.of(Helpers.class, "eight"),
            Helper.of(Helpers.class, "nothing"), Helper.of(Helpers.class, "none"),
            Helper.of(Helpers.class, "shuffle"), Helper.of(Helpers.class, "bump"), LOAD_VIA_STATE,
        };
    }
}

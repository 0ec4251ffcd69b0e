package dev.emu.core.jit;

import dev.emu.core.engine.BlockCode;
import dev.emu.core.ir.Block;

import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Tier 1: compiles one IR {@link Block} to one JVM method, {@code long run(CpuState)}, of a
 * hidden class implementing {@link BlockCode}. The generated code keeps the contract of
 * {@link BlockCode} exactly as {@link dev.emu.core.interp.IrInterpreter} does; the
 * co-simulation tests hold it to that.
 *
 * <p>Hidden classes are defined without {@code STRONG}, and nothing here keeps them, so a
 * compiled block is unloaded once the engine drops its {@link BlockCode}.
 */
public final class BlockCompiler {
    /** HotSpot's HugeMethodLimit: C1/C2 refuse to compile a method with more bytecode than this. */
    static final int HUGE_METHOD_LIMIT = 8000;

    /**
     * The largest generated method, in bytes of bytecode. Never above HotSpot's
     * HugeMethodLimit (8,000): a method that only ever runs in the JVM's bytecode interpreter
     * gains nothing over our own tier 0, so bigger blocks are split into several methods, or
     * left interpreted, and a larger region is retried with fewer blocks.
     * {@code -Demu.jit.maxMethodBytes=N} lowers it (for measuring C2's compile time against
     * the region exits that smaller regions take).
     */
    public static final int MAX_METHOD_BYTES = Math.max(1000,
            Math.min(HUGE_METHOD_LIMIT, Integer.getInteger("emu.jit.maxMethodBytes", HUGE_METHOD_LIMIT)));

    private static final String CLASS_PREFIX = "dev/emu/core/jit/Block_";
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType NO_ARGS = MethodType.methodType(void.class);
    private static final System.Logger LOG = System.getLogger(BlockCompiler.class.getName());

    private BlockCompiler() {}

    /**
     * Compiles {@code b}, or returns null when it cannot be compiled; the engine then keeps
     * interpreting that block. A block whose method would exceed {@link #MAX_METHOD_BYTES}
     * is split at guest-instruction boundaries that no temp or branch crosses into a chain
     * of methods, each under the limit; it is not compiled when no such split exists, or
     * when a helper's class is not visible from this class loader.
     */
    public static BlockCode compile(Block b) {
        return compile(b, MAX_METHOD_BYTES);
    }

    /** As {@link #compile(Block)} with another method size limit; tests use small ones to exercise splitting. */
    static BlockCode compile(Block b, int maxMethodBytes) {
        return compile(b, maxMethodBytes, BlockEmitter.INLINE_TLB);
    }

    /** As {@link #compile(Block, int)}, choosing whether accesses inline the TLB check (tests compare both). */
    static BlockCode compile(Block b, int maxMethodBytes, boolean inlineTlb) {
        byte[] bytes = classBytes(b, maxMethodBytes, inlineTlb);
        if (bytes == null) {
            return null;
        }
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
            return (BlockCode) hidden.findConstructor(hidden.lookupClass(), NO_ARGS).invoke();
        } catch (LinkageError | ReflectiveOperationException e) {
            // The JVM rejected what we generated: a JIT bug, never the guest's fault. The guest
            // runs on in the interpreter; the co-simulation tests treat null as a failure.
            LOG.log(System.Logger.Level.WARNING, "JIT: the JVM rejected the code for block 0x"
                    + Long.toHexString(b.startPc) + "; it stays interpreted:\n" + b, e);
            return null;
        } catch (Throwable e) {
            throw new IllegalStateException("JIT: constructing the block at 0x" + Long.toHexString(b.startPc), e);
        }
    }

    /**
     * The class file {@link #compile} would define for {@code b}, or null when it cannot be
     * compiled; tests print it with ASM's Textifier to snapshot generated code.
     */
    public static byte[] classBytes(Block b) {
        return classBytes(b, MAX_METHOD_BYTES);
    }

    static byte[] classBytes(Block b, int maxMethodBytes) {
        return classBytes(b, maxMethodBytes, BlockEmitter.INLINE_TLB);
    }

    private static byte[] classBytes(Block b, int maxMethodBytes, boolean inlineTlb) {
        if (!BlockEmitter.helpersVisible(b)) {
            return null;
        }
        int n = b.insns.length;
        int[] lastUse = BlockEmitter.lastUses(b);
        boolean[] splittable = null;
        // Parts start at these instruction indices. A part too large for HotSpot is cut, at the
        // split points nearest to even shares of it, into as many pieces as its measured size
        // suggests, and everything is emitted again; usually that is one retry.
        List<Integer> starts = new ArrayList<>(List.of(0));
        while (true) {
            ClassWriter cw = classWriter(className(b), "block@0x" + Long.toHexString(b.startPc));
            int tooLarge = -1;
            int tooLargeSize = 0;
            for (int k = 0; k < starts.size() && tooLarge < 0; k++) {
                boolean last = k + 1 == starts.size();
                MethodVisitor mv = k == 0
                        ? cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "run", "(Ldev/emu/core/cpu/CpuState;)J", null, null)
                        : cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, partName(k), BlockEmitter.PART_DESC, null, null);
                int size = new BlockEmitter(b, starts.get(k), last ? n : starts.get(k + 1),
                        last ? null : partName(k + 1), mv).inlineTlb(inlineTlb).emit();
                if (size > maxMethodBytes) {
                    tooLarge = k;
                    tooLargeSize = size;
                }
            }
            if (tooLarge < 0) {
                cw.visitEnd();
                try {
                    return cw.toByteArray();
                } catch (MethodTooLargeException | ClassTooLargeException e) {
                    return null;
                }
            }
            if (splittable == null) {
                splittable = BlockEmitter.splitPoints(b, lastUse);
            }
            int from = starts.get(tooLarge);
            int to = tooLarge + 1 == starts.size() ? n : starts.get(tooLarge + 1);
            // aim below the limit: each part carries its own prologue, tail and handler
            int pieces = Math.max(2, (int) Math.ceil(tooLargeSize / (0.8 * maxMethodBytes)));
            List<Integer> cuts = new ArrayList<>();
            int prev = from;
            for (int p = 1; p < pieces; p++) {
                int cut = nearestSplit(splittable, prev, to, from + (int) ((long) (to - from) * p / pieces));
                if (cut > prev) {
                    cuts.add(cut);
                    prev = cut;
                }
            }
            if (cuts.isEmpty()) {
                return null;
            }
            starts.addAll(tooLarge + 1, cuts);
        }
    }

    /** Named after the guest pc (and mode), so profilers and stack traces say which block is hot. */
    static String className(Block b) {
        return CLASS_PREFIX + Long.toHexString(b.startPc) + (b.mode != 0 ? "_m" + b.mode : "");
    }

    private static String partName(int k) {
        return "part" + k;
    }

    /** The split point strictly inside (lo, hi) nearest to {@code target}, or -1. */
    private static int nearestSplit(boolean[] splittable, int lo, int hi, int target) {
        for (int d = 0; target - d > lo || target + d < hi; d++) {
            if (target - d > lo && target - d < hi && splittable[target - d]) {
                return target - d;
            }
            if (target + d < hi && target + d > lo && splittable[target + d]) {
                return target + d;
            }
        }
        return -1;
    }

    static ClassWriter classWriter(String className, String source) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            // The only reference types whose frames merge are our own fixed locals and the
            // caught GuestFault, so there is never a real common superclass to find; this
            // avoids loading classes while computing frames.
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return type1.equals(type2) ? type1 : "java/lang/Object";
            }
        };
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                className, null, "java/lang/Object", new String[] {"dev/emu/core/engine/BlockCode"});
        cw.visitSource(source, null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        return cw;
    }
}

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
import java.util.List;

/**
 * Tier 2: compiles a region (a hot block, the head, and blocks reachable from it along
 * constant exits) into one JVM method {@code long run(CpuState)} of a hidden class, under the
 * {@link BlockCode} contract as a whole: guest registers stay in JVM locals across the
 * region's blocks, an exit to a block of the region is a {@code goto}, so a guest loop
 * becomes a JVM loop for C2, and each backward {@code goto} polls
 * {@link dev.emu.core.cpu.CpuState#interruptRequested}. Exits that leave the region, traps
 * and faults behave as in tier 1, except that {@code exitIndex} numbers the exit among all
 * of the region's blocks' exits (block k's exit e is the earlier blocks' exit counts plus
 * e), and -1 when a back edge left on an interrupt. icount counts every instruction
 * completed in the region's run.
 */
public final class RegionCompiler {
    private static final String CLASS_PREFIX = "dev/emu/core/jit/Region_";
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType NO_ARGS = MethodType.methodType(void.class);
    private static final System.Logger LOG = System.getLogger(RegionCompiler.class.getName());

    /**
     * Largest region method, in bytes of bytecode. Well below HotSpot's 8,000-byte
     * HugeMethodLimit on purpose: C2 inlines callees only while the method and everything
     * already inlined into it stay under DesiredMethodLimit (8,000 bytes too), so a region
     * near the hard limit calls every memory access and {@code Integer.compareUnsigned} out
     * of line. {@code -Demu.jit.regionBytes} overrides it.
     */
    public static final int MAX_REGION_BYTES = Math.min(BlockCompiler.MAX_METHOD_BYTES,
            Integer.getInteger("emu.jit.regionBytes", 3000));

    private RegionCompiler() {}

    /**
     * Compiles {@code blocks} (the head first; {@code pcSlot} is the guest pc's register
     * slot) into one method, or returns null when it is
     * not worth it (no exit loops back to the head) or does not fit
     * {@link #MAX_REGION_BYTES}; the caller may retry with fewer blocks.
     */
    public static BlockCode compile(List<Block> blocks, int pcSlot) {
        return compile(blocks, new long[0], pcSlot);
    }

    /**
     * As {@link #compile(List, int)}; exits with a computed target (returns, indirect jumps)
     * compare it with {@code indirectTargets} that start region blocks and stay in the
     * region on a match.
     */
    public static BlockCode compile(List<Block> blocks, long[] indirectTargets, int pcSlot) {
        return compile(blocks, indirectTargets, pcSlot, MAX_REGION_BYTES);
    }

    static BlockCode compile(List<Block> blocks, int pcSlot, int maxMethodBytes) {
        return compile(blocks, new long[0], pcSlot, maxMethodBytes);
    }

    static BlockCode compile(List<Block> blocks, long[] indirectTargets, int pcSlot, int maxMethodBytes) {
        byte[] bytes = classBytes(blocks, indirectTargets, pcSlot, maxMethodBytes);
        if (bytes == null) {
            return null;
        }
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
            return (BlockCode) hidden.findConstructor(hidden.lookupClass(), NO_ARGS).invoke();
        } catch (LinkageError | ReflectiveOperationException e) {
            LOG.log(System.Logger.Level.WARNING, "JIT: the JVM rejected the code for the region at 0x"
                    + Long.toHexString(blocks.get(0).startPc) + "; its blocks stay in tier 1", e);
            return null;
        } catch (Throwable e) {
            throw new IllegalStateException("JIT: constructing the region at 0x" + Long.toHexString(blocks.get(0).startPc), e);
        }
    }

    /** The class file {@link #compile} would define, or null; tests print it. */
    public static byte[] classBytes(List<Block> blocks, int pcSlot) {
        return classBytes(blocks, new long[0], pcSlot, MAX_REGION_BYTES);
    }

    static byte[] classBytes(List<Block> blocks, long[] indirectTargets, int pcSlot, int maxMethodBytes) {
        Region r = new Region(blocks, indirectTargets, pcSlot);
        if (!r.loopsToHead() || !BlockEmitter.helpersVisible(r.merged)) {
            return null;
        }
        Block head = blocks.get(0);
        ClassWriter cw = BlockCompiler.classWriter(
                CLASS_PREFIX + Long.toHexString(head.startPc) + (head.mode != 0 ? "_m" + head.mode : ""),
                "region@0x" + Long.toHexString(head.startPc) + "+" + (blocks.size() - 1));
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "run",
                "(Ldev/emu/core/cpu/CpuState;)J", null, null);
        int size = new BlockEmitter(r.merged, 0, r.merged.insns.length, null, mv, r).emit();
        if (size > maxMethodBytes) {
            return null;
        }
        cw.visitEnd();
        try {
            return cw.toByteArray();
        } catch (MethodTooLargeException | ClassTooLargeException e) {
            return null;
        }
    }
}

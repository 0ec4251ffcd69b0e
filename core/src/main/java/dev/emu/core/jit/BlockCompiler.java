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
    /**
     * HotSpot's HugeMethodLimit: C1/C2 refuse to compile a method with more bytecode than
     * this, and a block that only ever runs in the JVM's interpreter is slower than our own
     * tier 0 at no gain, so such blocks are not compiled.
     */
    public static final int MAX_METHOD_BYTES = 8000;

    static final String CLASS_NAME = "dev/emu/core/jit/CompiledBlock";
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType NO_ARGS = MethodType.methodType(void.class);

    private BlockCompiler() {}

    /**
     * Compiles {@code b}, or returns null when it cannot be compiled (the method would exceed
     * {@link #MAX_METHOD_BYTES}, or a helper's class is not visible from this class loader);
     * the engine then keeps interpreting that block.
     */
    public static BlockCode compile(Block b) {
        byte[] bytes = classBytes(b);
        if (bytes == null) {
            return null;
        }
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
            return (BlockCode) hidden.findConstructor(hidden.lookupClass(), NO_ARGS).invoke();
        } catch (Throwable e) {
            // the JVM rejected what we generated: a JIT bug, never the guest's fault
            throw new IllegalStateException("JIT produced an invalid class for block 0x"
                    + Long.toHexString(b.startPc) + ":\n" + b, e);
        }
    }

    /**
     * The class file {@link #compile} would define for {@code b}, or null when it cannot be
     * compiled; tests print it with ASM's Textifier to snapshot generated code.
     */
    public static byte[] classBytes(Block b) {
        if (!BlockEmitter.helpersVisible(b)) {
            return null;
        }
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
                CLASS_NAME, null, "java/lang/Object", new String[] {"dev/emu/core/engine/BlockCode"});
        cw.visitSource("block@0x" + Long.toHexString(b.startPc), null);

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "run",
                "(Ldev/emu/core/cpu/CpuState;)J", null, null);
        int size = new BlockEmitter(b, mv).emit();
        if (size > MAX_METHOD_BYTES) {
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

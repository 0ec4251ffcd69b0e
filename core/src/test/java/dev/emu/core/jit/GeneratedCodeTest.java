package dev.emu.core.jit;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.BlockCode;
import dev.emu.core.interp.IrInterpreter;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Label;
import dev.emu.core.ir.RandomBlocks;
import dev.emu.core.ir.Value;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of generated code: bytecode snapshots a reviewer can read, the size limit, and
 * that compiled blocks can be unloaded. {@code -Demu.snapshot.update=true} rewrites the
 * snapshots under src/test/resources.
 */
class GeneratedCodeTest {

    /** The class file of b as text (ASM's Textifier). */
    static String bytecodeText(Block b) {
        byte[] bytes = BlockCompiler.classBytes(b);
        assertThat(bytes).isNotNull();
        StringWriter out = new StringWriter();
        new ClassReader(bytes).accept(new TraceClassVisitor(null, new Textifier(), new PrintWriter(out)), 0);
        return out.toString();
    }

    /** An arm64-style {@code adds x0, x1, x2; cbz x0, ...} pair. */
    static Block addsAndBranch() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x1000);
        Value x1 = b.getReg64(1);
        Value x2 = b.getReg64(2);
        Value r = b.add(x1, x2);
        b.setReg(3, b.cmpLtu(r, x1)); // carry flag
        b.setReg(0, r);
        b.insnStart(0x1004);
        b.exitIf(b.cmpEq(b.getReg64(0), b.c64(0)), b.c64(0x2000));
        b.exit(0x1008);
        return b.build(0x1000, 0x1008, 0);
    }

    /** A 32-bit load-modify-store with a skipped instruction. */
    static Block loadAddStore() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x4000);
        Value addr = b.getReg64(1);
        Value v = b.load(dev.emu.core.ir.Type.I32, addr, 4, false, false);
        b.setReg(0, v);
        b.insnStart(0x4004);
        Label skip = b.newLabel();
        b.brIf(b.cmpEq(v, b.c32(0)), skip);
        b.insnStart(0x4008);
        b.store(addr, b.add(v, b.c32(1)), 4, false);
        b.label(skip);
        b.exit(0x400c);
        return b.build(0x4000, 0x400c, 0);
    }

    @Test
    void snapshots() throws IOException {
        snapshot("adds-and-branch", addsAndBranch());
        snapshot("load-add-store", loadAddStore());
    }

    private static void snapshot(String name, Block b) throws IOException {
        String text = b + "\n" + bytecodeText(b);
        String resource = "/dev/emu/core/jit/snapshots/" + name + ".txt";
        if (Boolean.getBoolean("emu.snapshot.update")) {
            Path root = Path.of(System.getProperty("emu.repoRoot", "."), "core/src/test/resources");
            Path file = root.resolve(resource.substring(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return;
        }
        try (InputStream in = GeneratedCodeTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("snapshot %s (run with -Demu.snapshot.update=true to create it)", resource).isNotNull();
            assertThat(text).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void blockTooLargeForHotSpotIsLeftToTheInterpreter() {
        IrBuilder b = new IrBuilder();
        Value acc = b.getReg64(0);
        for (int i = 0; i < 1500; i++) {
            if (i % 10 == 0) {
                b.insnStart(0x1000 + i);
            }
            acc = b.add(acc, b.getReg64(i % 16));
        }
        b.setReg(0, acc);
        b.exit(0x9000);
        Block big = b.build(0x1000, 0x9000, 0);
        assertThat(BlockCompiler.compile(big)).isNull();
        assertThat(BlockCompiler.classBytes(big)).isNull();
        // still correct in tier 0
        CpuState s = new CpuState(RandomBlocks.REGISTERS, null);
        s.regs[0] = 1;
        assertThat(IrInterpreter.run(big, s)).isEqualTo(0x9000);
    }

    @Test
    void largeBlockIsSplitIntoMethodsUnderTheLimit() {
        IrBuilder b = new IrBuilder();
        int insns = 700;
        for (int i = 0; i < insns; i++) {
            b.insnStart(0x1000 + 4L * i);
            Value x = b.getReg64((i + 1) % 15);
            if (i == insns / 2) {
                b.exitIf(b.cmpEq(b.getReg64(15), b.c64(1)), b.c64(0x7000));
            }
            if (i % 97 == 0) {
                b.call(dev.emu.core.ir.Helper.of(RandomBlocks.Helpers.class, "bump"), b.c32(i));
            }
            b.setReg(i % 15, b.add(b.mul(x, b.c64(3)), b.c64(i)));
        }
        b.exit(0x1000 + 4L * insns);
        Block big = b.build(0x1000, 0x1000 + 4L * insns, 0);

        byte[] bytes = BlockCompiler.classBytes(big);
        assertThat(bytes).isNotNull();
        assertThat(bytecodeText(big)).contains("part1(", "part2(");

        CpuState s = new RandomBlocks(9, null).state(null, 0x1000);
        s.regs[15] = 0;
        Tiers.Outcome through = Tiers.both(big, s);
        assertThat(through.exitIndex()).isEqualTo(1);
        assertThat(through.icount()).isEqualTo(insns);
        s.regs[15] = 1;
        Tiers.Outcome out = Tiers.both(big, s);
        assertThat(out.exitIndex()).isZero();
        assertThat(out.next()).isEqualTo(0x7000);
        assertThat(out.icount()).isEqualTo(insns / 2 + 1);
    }

    @Test
    void helperFromAnotherClassLoaderKeepsTheBlockInterpreted() throws Exception {
        java.net.URL classes = IsolatedHelpers.class.getProtectionDomain().getCodeSource().getLocation();
        try (java.net.URLClassLoader other = new java.net.URLClassLoader(new java.net.URL[] {classes},
                GeneratedCodeTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(IsolatedHelpers.class.getName())) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : findClass(name);
                }
            }
        }) {
            Class<?> foreign = other.loadClass(IsolatedHelpers.class.getName());
            assertThat(foreign).isNotSameAs(IsolatedHelpers.class);
            IrBuilder b = new IrBuilder();
            b.insnStart(0x100);
            b.setReg(0, b.call(dev.emu.core.ir.Helper.of(foreign, "twice"), b.getReg64(0)));
            b.exit(0x104);
            Block block = b.build(0x100, 0x104, 0);
            assertThat(BlockCompiler.compile(block)).isNull();

            IrBuilder b2 = new IrBuilder();
            b2.insnStart(0x100);
            b2.setReg(0, b2.call(dev.emu.core.ir.Helper.of(IsolatedHelpers.class, "twice"), b2.getReg64(0)));
            b2.exit(0x104);
            CpuState s = new CpuState(RandomBlocks.REGISTERS, null);
            s.regs[0] = 21;
            assertThat(Tiers.both(b2.build(0x100, 0x104, 0), s).regs()[0]).isEqualTo(42);
        }
    }

    @Test
    void compilingFromManyThreadsAtOnce() throws Exception {
        RandomBlocks gen = new RandomBlocks(5, null);
        Block[] blocks = new Block[64];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = gen.next();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<BlockCode>> futures = new java.util.ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Block blk : blocks) {
                    futures.add(pool.submit(() -> BlockCompiler.compile(blk)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                BlockCode code = futures.get(i).get();
                Block blk = blocks[i % blocks.length];
                CpuState s = new RandomBlocks(i, null).state(null, blk.startPc);
                assertThat(Tiers.run(code, s.copy(null))).isEqualTo(Tiers.interpret(blk, s.copy(null)));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void compiledBlocksAreUnloadedWhenDropped() throws InterruptedException {
        BlockCode code = BlockCompiler.compile(addsAndBranch());
        assertThat(code.getClass().isHidden()).isTrue();
        WeakReference<Class<?>> cls = new WeakReference<>(code.getClass());
        code = null;
        for (int i = 0; i < 50 && cls.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(cls.get()).as("hidden class collected").isNull();
    }
}

package dev.emu.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm32.Arm32Registers;
import dev.emu.core.cpu.CpuState;
import dev.emu.core.elf.ElfImage;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.Prot;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.fs.StdStream;
import dev.emu.linux.loader.Auxv;
import dev.emu.linux.loader.ElfLoader;
import dev.emu.linux.loader.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The 32-bit ARM EABI: its layouts and register conventions at the syscall level, its process image, and small programs on the arm32 core. */
class Arm32AbiTest {
    static final int AT_FDCWD = -100;
    static final int O_RDONLY = 0, O_RDWR = 2, O_CREAT = 0100, O_DIRECTORY_ARM = 040000;

    @TempDir
    Path dir;

    /** One arm32 process over a real address space, driven through the dispatcher with r7 and r0..r5. */
    static final class H {
        static final long SCRATCH = 0x10000;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Kernel kernel;
        final LinuxProcess proc;
        final LinuxThread thread;
        final AddressSpace mem = new AddressSpace(32);
        final LinuxAbi abi = LinuxAbi.forIsa("arm32");
        long next = SCRATCH;

        H() {
            Kernel.Options o = new Kernel.Options();
            o.diagnostics = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            o.randomSeed = 1L;
            o.stdio = () -> List.of(new StdStream(0, new ByteArrayInputStream(new byte[0]), null, false),
                    new StdStream(1, null, out, false), new StdStream(2, null, out, false));
            kernel = new Kernel(o);
            proc = new LinuxProcess(kernel, kernel.allocatePid(), 1, abi);
            mem.map(SCRATCH, 0x10000, Prot.RW);
            mem.setBrk(0x400000);
            mem.setMmapBase(abi.mmapBase());
            proc.setImage(mem, null);
            proc.exePath = "/bin/t";
            proc.argv = List.of("t");
            proc.envp = List.of();
            for (int i = 0; i < 3; i++) {
                proc.fds().installAt(i, o.stdio.get().get(i), false);
            }
            kernel.register(proc);
            thread = new LinuxThread(proc, proc.pid(), new CpuState(Arm32Registers.FILE, mem));
        }

        /** The syscall's r0, sign-extended as libc reads it. */
        long call(String name, long... args) {
            int nr = abi.syscalls().number(name);
            assertThat(nr).as(name).isGreaterThanOrEqualTo(0);
            CpuState cpu = thread.cpu;
            cpu.regs[7] = nr >= 4096 ? nr - 4096 + 0xf0000 : nr;
            for (int i = 0; i < 6; i++) {
                cpu.regs[i] = (i < args.length ? args[i] : 0) & 0xffffffffL;
            }
            kernel.dispatcher(abi).dispatch(thread);
            return (int) cpu.regs[0];
        }

        long alloc(int n) {
            long a = next;
            next = (next + n + 15) & -16;
            return a;
        }

        long str(String s) {
            byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_8);
            long a = alloc(b.length);
            mem.poke(a, b, 0, b.length);
            return a;
        }

        ByteBuffer buf(long addr, int n) {
            byte[] b = new byte[n];
            mem.peek(addr, b, 0, n);
            return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    @Test
    void numbersComeFromTheArmTable() {
        LinuxAbi abi = LinuxAbi.forIsa("arm32");
        assertThat(abi.syscalls().number("exit")).isEqualTo(1);
        assertThat(abi.syscalls().number("write")).isEqualTo(4);
        assertThat(abi.syscalls().number("mmap2")).isEqualTo(192);
        assertThat(abi.syscalls().number("fstatat64")).isEqualTo(327);
        assertThat(abi.syscalls().number("exit_group")).isEqualTo(248);
        assertThat(abi.syscalls().number("clock_gettime64")).isEqualTo(403);
        assertThat(abi.syscalls().number("statx")).isEqualTo(397);
        assertThat(abi.syscalls().number("set_tls")).isEqualTo(4096 + 5);
        assertThat(new SyscallDispatcher(new Kernel(new Kernel.Options()), abi).implementedCount())
                .isGreaterThan(200);
    }

    @Test
    void stat64HasTheEabiLayout() throws Exception {
        Path f = dir.resolve("f");
        Files.write(f, new byte[12345]);
        H h = new H();
        long st = h.alloc(104);
        assertThat(h.call("stat64", h.str(f.toString()), st)).isZero();
        ByteBuffer b = h.buf(st, 104);
        assertThat(b.getInt(16) & 0170000).isEqualTo(0100000);
        assertThat(b.getLong(48)).isEqualTo(12345);
        long ino = (Long) Files.getAttribute(f, "unix:ino");
        assertThat(b.getLong(96)).isEqualTo(ino);
        assertThat(b.getInt(12)).isEqualTo((int) ino);
        long mtime = Files.getLastModifiedTime(f).toMillis() / 1000;
        assertThat(b.getInt(80) & 0xffffffffL).isEqualTo(mtime);

        long fd = h.call("openat", AT_FDCWD, h.str(f.toString()), O_RDONLY);
        long st2 = h.alloc(104);
        assertThat(h.call("fstat64", fd, st2)).isZero();
        assertThat(h.buf(st2, 104).getLong(48)).isEqualTo(12345);
        long st3 = h.alloc(104);
        assertThat(h.call("fstatat64", AT_FDCWD, h.str(f.toString()), st3, 0)).isZero();
        assertThat(h.buf(st3, 104).getLong(96)).isEqualTo(ino);
    }

    @Test
    void getdents64IsTheSameAsOn64Bit() throws Exception {
        Files.writeString(dir.resolve("one"), "1");
        H h = new H();
        long fd = h.call("open", h.str(dir.toString()), O_RDONLY | O_DIRECTORY_ARM);
        assertThat(fd).isGreaterThanOrEqualTo(3);
        long buf = h.alloc(4096);
        long n = h.call("getdents64", fd, buf, 4096);
        List<String> names = new ArrayList<>();
        ByteBuffer b = h.buf(buf, (int) n);
        for (int off = 0; off < n; ) {
            int reclen = b.getShort(off + 16);
            StringBuilder s = new StringBuilder();
            for (int i = off + 19; b.get(i) != 0; i++) {
                s.append((char) b.get(i));
            }
            names.add(s + ":" + b.get(off + 18));
            off += reclen;
        }
        assertThat(names).containsExactlyInAnyOrder(".:4", "..:4", "one:8");
    }

    @Test
    void sixtyFourBitValuesInRegisterPairs() throws Exception {
        Path f = dir.resolve("data");
        byte[] data = new byte[0x30];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Files.write(f, data);
        H h = new H();
        long fd = h.call("openat", AT_FDCWD, h.str(f.toString()), O_RDWR);
        long buf = h.alloc(16);
        // pread64(fd, buf, count, pad, off_lo, off_hi)
        assertThat(h.call("pread64", fd, buf, 4, 0, 0x20, 0)).isEqualTo(4);
        assertThat(h.buf(buf, 4).getInt(0)).isEqualTo(0x23222120);
        // an offset past 4 GiB reads nothing rather than wrapping to a small one
        assertThat(h.call("pread64", fd, buf, 4, 0, 0x20, 1)).isZero();
        // _llseek(fd, hi, lo, &result, whence)
        long res = h.alloc(8);
        assertThat(h.call("_llseek", fd, 0, 0x10, res, 0)).isZero();
        assertThat(h.buf(res, 8).getLong(0)).isEqualTo(0x10);
        assertThat(h.call("_llseek", fd, 1, 0, res, 0)).isZero();
        assertThat(h.buf(res, 8).getLong(0)).isEqualTo(1L << 32);
        // ftruncate64(fd, pad, len_lo, len_hi)
        assertThat(h.call("ftruncate64", fd, 0, 0x18, 0)).isZero();
        assertThat(Files.size(f)).isEqualTo(0x18);
        // truncate64(path, pad, len_lo, len_hi)
        assertThat(h.call("truncate64", h.str(f.toString()), 0, 8, 0)).isZero();
        assertThat(Files.size(f)).isEqualTo(8);
        // pwrite64(fd, buf, count, pad, off_lo, off_hi)
        h.mem.poke(buf, new byte[] {'x', 'y'}, 0, 2);
        assertThat(h.call("pwrite64", fd, buf, 2, 0, 2, 0)).isEqualTo(2);
        assertThat(Files.readAllBytes(f)).containsExactly(0, 1, 'x', 'y', 4, 5, 6, 7);
    }

    @Test
    void fcntl64LocksAndStraceShowsPointersZeroExtended() throws Exception {
        Path f = dir.resolve("lockme");
        Files.writeString(f, "x");
        H h = new H();
        long fd = h.call("openat", AT_FDCWD, h.str(f.toString()), O_RDWR);
        long lk = h.alloc(32);
        h.mem.poke(lk, new byte[] {1, 0}, 0, 2); // F_WRLCK
        assertThat(h.call("fcntl64", fd, 12 /* F_GETLK64 */, lk)).isZero();
        assertThat(h.buf(lk, 2).getShort(0)).isEqualTo((short) 2); // F_UNLCK: nobody else holds it
        assertThat(h.call("fcntl64", fd, 13 /* F_SETLK64 */, lk)).isZero();

        Kernel.Options o = h.kernel.options();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        o.diagnostics = new PrintStream(diag, true, StandardCharsets.UTF_8);
        o.strace = true;
        long st = 0xbefff000L;
        h.mem.map(st, 4096, Prot.RW);
        h.call("fstat64", fd, st);
        assertThat(diag.toString(StandardCharsets.UTF_8)).startsWith("fstat64(" + fd + ", {st_mode=");
        diag.reset();
        h.call("ugetrlimit", 3, st);
        assertThat(diag.toString(StandardCharsets.UTF_8)).startsWith("ugetrlimit(3, 0xbefff000) = 0");
    }

    @Test
    void mmap2TakesTheOffsetInPages() throws Exception {
        Path f = dir.resolve("pages");
        byte[] data = new byte[3 * 4096];
        data[2 * 4096] = 42;
        data[2 * 4096 + 1] = 43;
        Files.write(f, data);
        H h = new H();
        long fd = h.call("openat", AT_FDCWD, h.str(f.toString()), O_RDONLY);
        long addr = h.call("mmap2", 0, 4096, Prot.READ, 2 /* MAP_PRIVATE */, fd, 2) & 0xffffffffL;
        assertThat(addr).isLessThan(h.abi.mmapBase()).isGreaterThan(0x10000000L);
        assertThat(h.buf(addr, 2).get(0)).isEqualTo((byte) 42);
        assertThat(h.buf(addr, 2).get(1)).isEqualTo((byte) 43);
    }

    @Test
    void timespecIs32BitExceptInTheTime64Calls() {
        H h = new H();
        long ts = h.alloc(16);
        h.mem.poke(ts, new byte[16], 0, 16);
        assertThat(h.call("clock_gettime", 0, ts)).isZero();
        ByteBuffer b = h.buf(ts, 16);
        long now = System.currentTimeMillis() / 1000;
        assertThat(b.getInt(0) & 0xffffffffL).isBetween(now - 5, now + 5);
        assertThat(b.getInt(4)).isBetween(0, 999_999_999);
        assertThat(b.getLong(8)).isZero(); // nothing past the 8-byte timespec
        assertThat(h.call("clock_gettime64", 0, ts)).isZero();
        b = h.buf(ts, 16);
        assertThat(b.getLong(0)).isBetween(now - 5, now + 5);
        assertThat(b.getLong(8)).isBetween(0L, 999_999_999L);
    }

    @Test
    void setTlsAndUname() {
        H h = new H();
        assertThat(h.call("set_tls", 0x12345678)).isZero();
        assertThat(h.thread.cpu.regs[Arm32Registers.TPIDRURO]).isEqualTo(0x12345678);
        assertThat(h.call("get_tls")).isEqualTo(0x12345678);
        long u = h.alloc(390);
        assertThat(h.call("uname", u)).isZero();
        assertThat(new String(h.mem.readCString(u + 260, 65), StandardCharsets.UTF_8)).isEqualTo("armv7l");
        long r = h.alloc(8);
        assertThat(h.call("ugetrlimit", 3 /* RLIMIT_STACK */, r)).isZero();
        assertThat(h.buf(r, 8).getInt(0)).isNotZero();
    }

    @Test
    void stackImageHas32BitPointersAndTheVectorsPage() {
        LinuxAbi abi = LinuxAbi.forIsa("arm32");
        byte[] file = TinyElf32.build(TinyElf32.words(0xef000000), true);
        ElfImage elf = ElfImage.parse(file, "tiny");
        AddressSpace mem = new AddressSpace(32);
        ElfLoader.Loaded l = ElfLoader.load(mem, abi, elf, file, "/bin/tiny", null, null, null,
                List.of("tiny", "-x"), List.of("HOME=/root"), "/bin/tiny", 8L << 20, new byte[16]);
        assertThat(l.entry()).isEqualTo(TinyElf32.BASE + TinyElf32.CODE + 1);
        long sp = l.sp();
        assertThat(sp).isLessThan(abi.stackTop()).isGreaterThan(abi.stackTop() - 4096);
        assertThat(mem.ld32le(sp)).isEqualTo(2);
        List<String> argv = new ArrayList<>();
        long p = sp + 4;
        for (long a; (a = mem.ld32le(p) & 0xffffffffL) != 0; p += 4) {
            argv.add(new String(mem.readCString(a, 100), StandardCharsets.UTF_8));
        }
        assertThat(argv).containsExactly("tiny", "-x");
        p += 4;
        assertThat(new String(mem.readCString(mem.ld32le(p) & 0xffffffffL, 100), StandardCharsets.UTF_8))
                .isEqualTo("HOME=/root");
        p += 8;
        Map<Long, Long> aux = new LinkedHashMap<>();
        while (true) {
            long k = mem.ld32le(p) & 0xffffffffL;
            long v = mem.ld32le(p + 4) & 0xffffffffL;
            p += 8;
            if (k == Auxv.AT_NULL) {
                break;
            }
            aux.put(k, v);
        }
        assertThat(aux.get((long) Auxv.AT_PHENT)).isEqualTo(32);
        assertThat(aux.get((long) Auxv.AT_ENTRY)).isEqualTo(l.entry());
        assertThat(aux.get((long) Auxv.AT_HWCAP)).isEqualTo(0xfb0d6L); // half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt vfpd32
        assertThat(aux.get((long) Auxv.AT_HWCAP2)).isZero();
        assertThat(new String(mem.readCString(aux.get((long) Auxv.AT_PLATFORM), 100), StandardCharsets.UTF_8))
                .isEqualTo("v7l");
        // the kernel user helpers: version 5 at 0xffff0ffc, read+exec, named [vectors]
        assertThat(mem.fetch32le(0xffff0ffcL)).isEqualTo(5);
        assertThat(mem.procMaps()).contains("ffff0000-ffff1000 r-xp").contains("[vectors]");

        // the entry's low bit makes the first instruction Thumb
        CpuState cpu = new CpuState(Arm32Registers.FILE, mem);
        abi.initRegisters(cpu, l.sp(), l.entry());
        assertThat(cpu.pc()).isEqualTo(TinyElf32.BASE + TinyElf32.CODE);
        assertThat(cpu.regs[Arm32Registers.T]).isEqualTo(1);
        assertThat(cpu.regs[Arm32Registers.SP]).isEqualTo(l.sp());
    }

    record Result(int status, String out) {}

    Result run(byte[] code, boolean thumb) throws Exception {
        return run(code, thumb, null);
    }

    Result run(byte[] code, boolean thumb, String cpuModel) throws Exception {
        Path exe = dir.resolve("prog");
        Files.write(exe, TinyElf32.build(code, thumb));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel.Options o = new Kernel.Options();
        o.diagnostics = new PrintStream(out, true, StandardCharsets.UTF_8);
        o.stdio = () -> List.of(new StdStream(0, new ByteArrayInputStream(new byte[0]), null, false),
                new StdStream(1, null, out, false), new StdStream(2, null, out, false));
        o.cpuModel = cpuModel;
        Kernel k = new Kernel(o);
        LinuxThread t = Launcher.start(k, exe, List.of("prog"), List.of(), null);
        int status = t.runProcess();
        return new Result(status, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void setTlsThenKuserGetTlsOnTheCore() throws Exception {
        byte[] code = TinyElf32.words(
                0xe59f0014, // ldr r0, =0x12345678
                0xe59f7014, // ldr r7, =0xf0005 (set_tls)
                0xef000000, // svc #0
                0xe59f3010, // ldr r3, =0xffff0fe0 (__kuser_get_tls)
                0xe12fff33, // blx r3
                0xe3a070f8, // mov r7, #248 (exit_group)
                0xef000000, // svc #0
                0x12345678, 0x000f0005, 0xffff0fe0);
        Result r = run(code, false);
        assertThat(r.status()).as(r.out()).isEqualTo(0x78);
    }

    @Test
    void thumbEntryWritesAndExits() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x2001); // movs r0, #1
        b.putShort((short) 0xa103); // adr r1, msg (pc-aligned + 12)
        b.putShort((short) 0x2203); // movs r2, #3
        b.putShort((short) 0x2704); // movs r7, #4 (write)
        b.putShort((short) 0xdf00); // svc #0
        b.putShort((short) 0x2007); // movs r0, #7
        b.putShort((short) 0x2701); // movs r7, #1 (exit)
        b.putShort((short) 0xdf00); // svc #0
        b.put("hi\n".getBytes(StandardCharsets.US_ASCII));
        Result r = run(b.array(), true);
        assertThat(r.out()).isEqualTo("hi\n");
        assertThat(r.status()).isEqualTo(7);
    }

    @Test
    void aHandlerRunsAndSigreturnRestoresTheRegisters() throws Exception {
        byte[] code = TinyElf32.words(
                0xe24dd020, // sub sp, sp, #32
                0xe28f0050, // adr r0, handler
                0xe58d0000, // str r0, [sp] (sa_handler)
                0xe3a00000, // mov r0, #0
                0xe58d0004, // str r0, [sp, #4] (sa_flags: no SA_RESTORER, the kernel's trampoline returns)
                0xe58d0008, // str r0, [sp, #8]
                0xe58d000c, // str r0, [sp, #12] (sa_mask)
                0xe58d0010, // str r0, [sp, #16]
                0xe3a0000a, // mov r0, #10 (SIGUSR1)
                0xe1a0100d, // mov r1, sp
                0xe3a02000, // mov r2, #0
                0xe3a03008, // mov r3, #8
                0xe3a070ae, // mov r7, #174 (rt_sigaction)
                0xef000000, // svc #0
                0xe3a04037, // mov r4, #55
                0xe3a07014, // mov r7, #20 (getpid)
                0xef000000, // svc #0
                0xe3a0100a, // mov r1, #10
                0xe3a07025, // mov r7, #37 (kill)
                0xef000000, // svc #0
                0xe1a00004, // mov r0, r4
                0xe3a07001, // mov r7, #1 (exit)
                0xef000000, // svc #0
                // handler:
                0xe3a04001, // mov r4, #1 (sigreturn puts 55 back)
                0xe3a00001, // mov r0, #1
                0xe28f100c, // adr r1, msg
                0xe3a02002, // mov r2, #2
                0xe3a07004, // mov r7, #4 (write)
                0xef000000, // svc #0
                0xe12fff1e, // bx lr
                0x00000a68); // msg: "h\n"
        Result r = run(code, false);
        assertThat(r.out()).isEqualTo("h\n");
        assertThat(r.status()).isEqualTo(55);
    }

    @Test
    void aThreadWithItsOwnTlsAndAFutexJoin() throws Exception {
        byte[] code = TinyElf32.words(
                0xe3a00000, // mov r0, #0
                0xe3a01a02, // mov r1, #8192
                0xe3a02003, // mov r2, #3 (PROT_READ|PROT_WRITE)
                0xe3a03022, // mov r3, #0x22 (MAP_PRIVATE|MAP_ANONYMOUS)
                0xe3e04000, // mvn r4, #0 (fd -1)
                0xe3a05000, // mov r5, #0
                0xe3a070c0, // mov r7, #192 (mmap2)
                0xef000000, // svc #0
                0xe1a08000, // mov r8, r0: ctid at [r8], the thread's result at [r8, #4]
                0xe3a00001, // mov r0, #1
                0xe5880000, // str r0, [r8]
                0xe59f0064, // ldr r0, =CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID
                0xe2881a02, // add r1, r8, #8192 (the thread's stack)
                0xe2882008, // add r2, r8, #8 (ptid)
                0xe59f305c, // ldr r3, =0x5a5a5a5a (tls)
                0xe1a04008, // mov r4, r8 (ctid)
                0xe3a07078, // mov r7, #120 (clone)
                0xef000000, // svc #0
                0xe3500000, // cmp r0, #0
                0x0a00000b, // beq child
                0xe5982000, // loop: ldr r2, [r8]
                0xe3520000, // cmp r2, #0
                0x0a000005, // beq done
                0xe1a00008, // mov r0, r8
                0xe3a01000, // mov r1, #0 (FUTEX_WAIT)
                0xe3a03000, // mov r3, #0 (no timeout)
                0xe3a070f0, // mov r7, #240 (futex)
                0xef000000, // svc #0
                0xeafffff6, // b loop
                0xe5980004, // done: ldr r0, [r8, #4]
                0xe3a070f8, // mov r7, #248 (exit_group)
                0xef000000, // svc #0
                0xee1d0f70, // child: mrc p15, 0, r0, c13, c0, 3 (TPIDRURO)
                0xe20000ff, // and r0, r0, #0xff
                0xe5880004, // str r0, [r8, #4]
                0xe3a00000, // mov r0, #0
                0xe3a07001, // mov r7, #1 (exit: clears ctid and wakes the joiner)
                0xef000000, // svc #0
                0x003d0f00, 0x5a5a5a5a);
        Result r = run(code, false);
        assertThat(r.status()).as(r.out()).isEqualTo(0x5a);
    }

    @Test
    void anArmv5CpuModelShowsInUnameAndTheAuxv() throws Exception {
        LinuxAbi v7 = LinuxAbi.forIsa("arm32");
        LinuxAbi v5 = v7.forCpuModel("arm926");
        assertThat(v7.unameMachine()).isEqualTo("armv7l");
        assertThat(v5.unameMachine()).isEqualTo("armv5tejl");
        assertThat(v5.platform()).isEqualTo("v5l");
        assertThat(v5.hwcap() & (1 << 15 | 1 << 17)).as("no tls, no idiva").isZero();
        assertThat(v5.cpuinfo(1)).contains("ARM926EJ-S").contains("CPU architecture: 5TEJ")
                .contains("Features\t: half thumb fastmult vfp edsp\n");
        assertThat(v7.cpuinfo(1)).contains("Features\t: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt vfpd32\n");
        assertThat(v7.forCpuModel("cortex-a15").unameMachine()).isEqualTo("armv7l");
        assertThat(v7.forCpuModel("pxa270")).isNull();
        // uname(&buf); write(1, buf.machine, 9); exit(0)
        byte[] code = TinyElf32.words(
                0xe24ddf62, // sub sp, sp, #392
                0xe1a0000d, // mov r0, sp
                0xe3a0707a, // mov r7, #122 (uname)
                0xef000000, // svc #0
                0xe3a00001, // mov r0, #1
                0xe28d1f41, // add r1, sp, #260
                0xe3a02009, // mov r2, #9
                0xe3a07004, // mov r7, #4 (write)
                0xef000000, // svc #0
                0xe3a00000, // mov r0, #0
                0xe3a07001, // mov r7, #1 (exit)
                0xef000000); // svc #0
        assertThat(run(code, false, "arm926").out()).isEqualTo("armv5tejl");
        assertThat(run(code, false, null).out()).startsWith("armv7l");
    }

    Result runBusybox(String arch, String cpuModel, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("busybox"));
        argv.addAll(List.of(args));
        return runElf(dev.emu.testkit.Fixtures.busybox(arch), cpuModel, argv);
    }

    Result runElf(Path elf, String cpuModel, List<String> argv) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel.Options o = new Kernel.Options();
        o.diagnostics = new PrintStream(out, true, StandardCharsets.UTF_8);
        o.stdio = () -> List.of(new StdStream(0, new ByteArrayInputStream(new byte[0]), null, false),
                new StdStream(1, null, out, false), new StdStream(2, null, out, false));
        o.cpuModel = cpuModel;
        Kernel k = new Kernel(o);
        LinuxThread t = Launcher.start(k, elf, argv, List.of("PATH=/bin:/usr/bin"), null);
        int status = t.runProcess();
        return new Result(status, out.toString(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"armhf", "armel"})
    void debianBusybox(String arch) throws Exception {
        assertThat(runBusybox(arch, null, "uname", "-m")).isEqualTo(new Result(0, "armv7l\n"));
        assertThat(runBusybox(arch, "arm926", "uname", "-m")).isEqualTo(new Result(0, "armv5tejl\n"));
        // a pipeline (fork, execve, pipes, wait4), a handler for SIGUSR1 (its frame and sigreturn), exit status
        Result sh = runBusybox(arch, null, "sh", "-c",
                "trap 'echo got USR1' USR1; kill -USR1 $$; echo abc | tr a-c x-z; grep -c vectors /proc/self/maps; exit 3");
        assertThat(sh).isEqualTo(new Result(3, "got USR1\nxyz\n1\n"));
    }

    /**
     * A glibc program built with gcc -O3 -mfpu=neon (resources arm32/neon-kernels.c and
     * build.sh): vectorised loops, arm_neon.h intrinsics over several Advanced SIMD groups,
     * and glibc's string functions, which take their NEON versions since AT_HWCAP says neon.
     * The expected lines are what qemu-arm-static -cpu cortex-a15 prints for the binary.
     */
    @Test
    void aNeonProgramPrintsWhatQemuPrints(@TempDir Path dir) throws Exception {
        Path elf = dir.resolve("neon-kernels");
        try (var in = getClass().getResourceAsStream("arm32/neon-kernels")) {
            Files.copy(in, elf);
        }
        assertThat(runElf(elf, null, List.of("neon-kernels"))).isEqualTo(new Result(0,
                "loops 2895814.207 -84660808 64314554 31587\n"
                        + "intrinsics 5ce4c2ff\n"
                        + "strings 299 0 efghijklmnopq\n"));
    }
}

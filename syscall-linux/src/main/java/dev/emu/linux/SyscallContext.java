package dev.emu.linux;

import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.abi.Structs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a syscall implementation sees: the calling thread and process, the six raw
 * arguments, and guest-memory helpers that turn bad pointers into EFAULT.
 */
public final class SyscallContext {
    public final LinuxThread thread;
    public final LinuxProcess proc;
    public final Kernel kernel;
    public final LinuxAbi abi;
    public final Structs structs;
    public final long[] args = new long[6];
    public int number;
    /** Bytes a syscall produced into guest memory at an argument, for strace (read's buffer, say). */
    public byte[] outData;
    /** A struct a syscall produced, in canonical form, for strace (a FileStat, a {sec, nsec}). */
    public Object outValue;

    public SyscallContext(LinuxThread thread) {
        this.thread = thread;
        this.proc = thread.process();
        this.kernel = proc.kernel();
        this.abi = proc.abi();
        this.structs = abi.structs();
    }

    public long arg(int i) {
        return args[i];
    }

    /** An int argument (the low 32 bits, sign-extended, as the kernel reads an int). */
    public int intArg(int i) {
        return (int) args[i];
    }

    /** A pointer or size argument: zero-extended on 32-bit guests. */
    public long ptrArg(int i) {
        return abi.wordBits() == 32 ? args[i] & 0xffffffffL : args[i];
    }

    public AddressSpace mem() {
        return proc.memory();
    }

    public byte[] read(long addr, int len) {
        byte[] b = new byte[len];
        readInto(addr, b, len);
        return b;
    }

    /** The largest I/O buffer a thread keeps between syscalls; larger transfers get their own. */
    private static final int KEPT_IO_BUFFER = 256 << 10;
    private byte[] ioBuffer = new byte[0];

    /**
     * A buffer of at least {@code len} bytes for one syscall's transfer between guest memory and
     * a file, reused by the thread's next syscall: read and write copy through it, and a fresh
     * array per call was a steady allocation proportional to all the I/O a program does.
     * Whatever it is handed to must not keep it (files copy what they are given).
     */
    public byte[] ioBuffer(int len) {
        if (ioBuffer.length >= len) {
            return ioBuffer;
        }
        byte[] b = new byte[len];
        if (len <= KEPT_IO_BUFFER) {
            ioBuffer = b;
        }
        return b;
    }

    /** Guest memory [addr, addr + len) into the thread's {@link #ioBuffer}, which it returns. */
    public byte[] readToIoBuffer(long addr, int len) {
        byte[] b = ioBuffer(len);
        readInto(addr, b, len);
        return b;
    }

    private void readInto(long addr, byte[] b, int len) {
        if (len > 0) {
            try {
                mem().read(addr, b, 0, len);
            } catch (GuestFault f) {
                throw new SyscallError(Errno.EFAULT);
            }
        }
    }

    public void write(long addr, byte[] b) {
        write(addr, b, 0, b.length);
    }

    public void write(long addr, byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        try {
            mem().write(addr, b, off, len);
        } catch (GuestFault f) {
            throw new SyscallError(Errno.EFAULT);
        }
    }

    public void writeU32(long addr, int v) {
        write(addr, structs.buffer(4).u32(0, v).bytes());
    }

    public void writeU64(long addr, long v) {
        write(addr, structs.buffer(8).u64(0, v).bytes());
    }

    public void writeWord(long addr, long v) {
        write(addr, structs.buffer(structs.wordSize()).word(0, v, abi.wordBits()).bytes());
    }

    public long readWord(long addr) {
        return structs.wrap(read(addr, structs.wordSize())).getWord(0, abi.wordBits());
    }

    public int readI32(long addr) {
        return structs.wrap(read(addr, 4)).getI32(0);
    }

    /** A NUL-terminated string of at most {@code max} bytes; ENAMETOOLONG past it. */
    public String cString(long addr, int max) {
        return new String(cStringBytes(addr, max), StandardCharsets.UTF_8);
    }

    public byte[] cStringBytes(long addr, int max) {
        if (addr == 0) {
            throw new SyscallError(Errno.EFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long a = addr;
        byte[] chunk = new byte[256];
        while (out.size() < max) {
            // never read past a page end in one go: the string may end just before an unmapped page
            int n = (int) Math.min(chunk.length, 4096 - (a & 4095));
            try {
                mem().read(a, chunk, 0, n);
            } catch (GuestFault f) {
                throw new SyscallError(Errno.EFAULT);
            }
            for (int i = 0; i < n; i++) {
                if (chunk[i] == 0) {
                    return out.toByteArray();
                }
                out.write(chunk[i]);
                if (out.size() >= max) {
                    break;
                }
            }
            a += n;
        }
        throw new SyscallError(Errno.ENAMETOOLONG);
    }

    /** A path argument: at most PATH_MAX (4096) bytes including the NUL. */
    public String path(int argIndex) {
        return cString(ptrArg(argIndex), 4096);
    }
}

package dev.emu.linux.sys;

import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.Backing;
import dev.emu.core.mem.Prot;
import dev.emu.linux.Errno;
import dev.emu.linux.LinuxProcess;
import dev.emu.linux.SyscallContext;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.fs.OpenFile;

import java.io.IOException;

/** brk, mmap and friends over the process's {@link AddressSpace}. */
public final class MemorySyscalls {
    public static final int MAP_SHARED = 0x01, MAP_PRIVATE = 0x02, MAP_TYPE = 0x0f, MAP_FIXED = 0x10,
            MAP_ANONYMOUS = 0x20, MAP_FIXED_NOREPLACE = 0x100000;
    static final long PAGE = 4096;

    private MemorySyscalls() {}

    /** The handler of syscall {@code name} (its asm-generic name), or null when this class has none. */
    public static SyscallHandler handler(String name) {
        return switch (name) {
            case "brk" -> c -> brk(c.proc, c.ptrArg(0));
            case "mmap" -> MemorySyscalls::mmap;
            case "munmap" -> c -> {
                if ((c.ptrArg(0) & (PAGE - 1)) != 0 || c.ptrArg(1) == 0) {
                    return -Errno.EINVAL;
                }
                return c.mem().munmap(c.ptrArg(0), c.ptrArg(1));
            };
            case "mprotect" -> c -> {
                if ((c.ptrArg(0) & (PAGE - 1)) != 0) {
                    return -Errno.EINVAL;
                }
                return c.mem().mprotect(c.ptrArg(0), c.ptrArg(1), c.intArg(2) & Prot.RWX);
            };
            case "mremap" -> c -> c.mem().mremap(c.ptrArg(0), c.ptrArg(1), c.ptrArg(2), c.intArg(3), c.ptrArg(4));
            case "madvise" -> c -> 0;
            case "msync" -> c -> 0;
            case "mlock" -> c -> 0;
            case "munlock" -> c -> 0;
            case "mlock2" -> c -> 0;
            case "mlockall" -> c -> 0;
            case "munlockall" -> c -> 0;
            case "mincore" -> c -> {
                long pages = (c.ptrArg(1) + PAGE - 1) / PAGE;
                byte[] v = new byte[(int) Math.min(pages, 1 << 20)];
                java.util.Arrays.fill(v, (byte) 1);
                c.write(c.ptrArg(2), v);
                return 0;
            };
            default -> null;
        };
    }

    /** brk(2): the address space keeps the break (set by the loader after the last segment). */
    public static long brk(LinuxProcess p, long req) {
        AddressSpace mem = p.memory();
        long limit = p.rlimits[LinuxProcess.RLIMIT_DATA][0];
        if (req != 0 && limit != LinuxProcess.RLIM_INFINITY && req - mem.currentBrk() > limit) {
            return mem.currentBrk();
        }
        return req == 0 ? mem.currentBrk() : mem.brk(req);
    }

    static long mmap(SyscallContext c) throws IOException {
        long addr = c.ptrArg(0);
        long len = c.ptrArg(1);
        int prot = c.intArg(2);
        int flags = c.intArg(3);
        int fd = c.intArg(4);
        long off = c.arg(5);
        if (len == 0 || (off & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        if ((flags & MAP_TYPE) == 0 || (flags & MAP_TYPE) > 3) {
            return -Errno.EINVAL;
        }
        if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0 && (addr & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        if ((prot & ~Prot.RWX) != 0) {
            prot &= Prot.RWX; // PROT_GROWSDOWN/UP, PROT_SEM
        }
        Backing src = null;
        if ((flags & MAP_ANONYMOUS) == 0) {
            OpenFile f = c.proc.fds().get(fd);
            if (!f.readable()) {
                return -Errno.EACCES;
            }
            if ((flags & MAP_TYPE) == MAP_SHARED && (prot & Prot.WRITE) != 0 && !f.writable()) {
                return -Errno.EACCES;
            }
            src = f.mapSource();
        }
        return c.mem().mmap(addr, len, prot, flags, src, off);
    }

    static long pageUp(long a) {
        return (a + PAGE - 1) & -PAGE;
    }
}

package dev.emu.linux.loader;

import dev.emu.core.elf.ElfImage;
import dev.emu.core.elf.ProgramHeader;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.Backing;
import dev.emu.core.mem.Errno;
import dev.emu.core.mem.MapFlags;
import dev.emu.core.mem.Prot;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.fs.HostIds;

import java.util.List;

/**
 * Builds a process image in a fresh address space: the ELF's PT_LOAD segments (file-backed,
 * with their permissions and a zeroed bss), the program break after the highest segment,
 * the interpreter for a dynamic executable, and the stack with argv, envp and auxv.
 */
public final class ElfLoader {
    /** What the loader produced: where to start and the auxv-visible facts. */
    public record Loaded(long entry, long sp, long loadBias, long interpBase, long brk, long stackLow) {}

    private static final long PAGE = AddressSpace.PAGE_SIZE;

    private ElfLoader() {}

    /**
     * @param interp the interpreter's image and bytes when the executable has PT_INTERP (null for static)
     */
    public static Loaded load(AddressSpace mem, LinuxAbi abi, ElfImage exe, byte[] exeBytes, String exeGuestPath,
                              ElfImage interp, byte[] interpBytes, String interpGuestPath, List<String> argv,
                              List<String> envp, String execfn, long stackSize, byte[] random) {
        mem.setMmapBase(abi.mmapBase());
        long bias = 0;
        if (exe.isDyn()) {
            bias = abi.pieLoadBase() - pageDown(exe.loadStart());
        }
        long end = mapSegments(mem, exe, Backing.ofBytes(exeBytes, exeGuestPath), bias);
        long brk = pageUp(end);
        mem.setBrk(brk);

        long interpBase = 0;
        long entry = exe.entry() + bias;
        if (interp != null) {
            long span = pageUp(interp.loadEnd()) - pageDown(interp.loadStart());
            long base = mem.mmap(0, span, Prot.NONE, MapFlags.PRIVATE | MapFlags.ANONYMOUS, null, 0);
            if (Errno.isError(base)) {
                throw new IllegalStateException("no room for the interpreter " + interpGuestPath);
            }
            long ibias = base - pageDown(interp.loadStart());
            mapSegments(mem, interp, Backing.ofBytes(interpBytes, interpGuestPath), ibias);
            interpBase = base;
            entry = interp.entry() + ibias;
        }

        long top = abi.stackTop();
        long stackLow = top - pageUp(stackSize);
        long r = mem.mmap(stackLow, top - stackLow, Prot.RW | (exe.execStack() ? 0 : 0),
                MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED | MapFlags.GROWSDOWN, null, 0);
        if (Errno.isError(r)) {
            throw new IllegalStateException("cannot map the stack at 0x" + Long.toHexString(stackLow));
        }
        mem.setName(stackLow, top - stackLow, "[stack]");
        abi.mapSpecialPages(mem);

        StackBuilder sb = new StackBuilder(mem, abi.structs(), abi.wordBits());
        long phdr = exe.phdrAddress().isPresent() ? exe.phdrAddress().getAsLong() + bias : 0;
        sb.aux(Auxv.AT_HWCAP, abi.hwcap())
                .aux(Auxv.AT_PAGESZ, PAGE)
                .aux(Auxv.AT_CLKTCK, 100)
                .aux(Auxv.AT_PHDR, phdr)
                .aux(Auxv.AT_PHENT, exe.phentsize())
                .aux(Auxv.AT_PHNUM, exe.phnum())
                .aux(Auxv.AT_BASE, interpBase)
                .aux(Auxv.AT_FLAGS, 0)
                .aux(Auxv.AT_ENTRY, exe.entry() + bias)
                .aux(Auxv.AT_UID, HostIds.UID)
                .aux(Auxv.AT_EUID, HostIds.UID)
                .aux(Auxv.AT_GID, HostIds.GID)
                .aux(Auxv.AT_EGID, HostIds.GID)
                .aux(Auxv.AT_SECURE, 0)
                .aux(Auxv.AT_HWCAP2, abi.hwcap2());
        for (long[] kv : abi.extraAuxv()) {
            sb.aux((int) kv[0], kv[1]);
        }
        if (abi.minSigStackSize() > 0) {
            sb.aux(Auxv.AT_MINSIGSTKSZ, abi.minSigStackSize());
        }
        long sp = sb.build(top, argv, envp, execfn, abi.platform(), random);
        return new Loaded(entry, sp, bias, interpBase, brk, stackLow);
    }

    /** Maps every PT_LOAD at {@code bias}; returns the end of the highest one. */
    static long mapSegments(AddressSpace mem, ElfImage elf, Backing file, long bias) {
        long highest = 0;
        for (ProgramHeader ph : elf.loadSegments()) {
            if (ph.memsz() == 0) {
                continue;
            }
            int prot = (ph.readable() ? Prot.READ : 0) | (ph.writable() ? Prot.WRITE : 0)
                    | (ph.executable() ? Prot.EXEC : 0);
            long vaddr = ph.vaddr() + bias;
            long start = pageDown(vaddr);
            long fileEnd = vaddr + ph.filesz();
            long memEnd = vaddr + ph.memsz();
            long fileMapEnd = pageUp(fileEnd);
            if (ph.filesz() > 0) {
                long off = ph.offset() - (vaddr - start);
                check(mem.mmap(start, fileMapEnd - start, prot, MapFlags.PRIVATE | MapFlags.FIXED, file, off), ph);
                if (memEnd > fileEnd) {
                    // the rest of the last file page belongs to the bss: zero it
                    int n = (int) (Math.min(fileMapEnd, memEnd) - fileEnd);
                    if (n > 0) {
                        mem.poke(fileEnd, new byte[n], 0, n);
                    }
                }
            } else {
                fileMapEnd = start;
            }
            if (pageUp(memEnd) > fileMapEnd) {
                check(mem.mmap(fileMapEnd, pageUp(memEnd) - fileMapEnd, prot,
                        MapFlags.PRIVATE | MapFlags.FIXED | MapFlags.ANONYMOUS, null, 0), ph);
            }
            highest = Math.max(highest, memEnd);
        }
        return highest;
    }

    private static void check(long r, ProgramHeader ph) {
        if (Errno.isError(r)) {
            throw new IllegalStateException("cannot map segment " + ph + ": errno " + -r);
        }
    }

    static long pageDown(long a) {
        return a & -PAGE;
    }

    static long pageUp(long a) {
        return (a + PAGE - 1) & -PAGE;
    }
}

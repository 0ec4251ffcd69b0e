package dev.emu.linux.x86_64;

import dev.emu.x86.X86Helpers;

/**
 * /proc/cpuinfo for the x86 core, drawn from its CPUID: vendor, family, model, stepping
 * and the flags line, whose names are the kernel's for each feature bit
 * (arch/x86/include/asm/cpufeatures.h), so the file advertises exactly what CPUID claims.
 */
final class X86CpuInfo {
    private X86CpuInfo() {}

    /** Names of CPUID.1:EDX bits 0..31. */
    private static final String[] LEAF1_EDX = {"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic",
        null, "sep", "mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn", "clflush", null, "dts", "acpi", "mmx", "fxsr",
        "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe"};
    /** Names of CPUID.1:ECX bits 0..31. */
    private static final String[] LEAF1_ECX = {"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est",
        "tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm", null, "pcid", "dca", "sse4_1", "sse4_2", "x2apic",
        "movbe", "popcnt", "tsc_deadline_timer", "aes", "xsave", null, "avx", "f16c", "rdrand", "hypervisor"};
    /** Names of CPUID.80000001:EDX bits 0..31 (those not repeating leaf 1). */
    private static final String[] EXT_EDX = {null, null, null, null, null, null, null, null, null, null, null,
        "syscall", null, null, null, null, null, null, null, "mp", "nx", null, "mmxext", null, null, "fxsr_opt",
        "pdpe1gb", "rdtscp", null, "lm", "3dnowext", "3dnow"};
    /** Names of CPUID.80000001:ECX bits 0..31. */
    private static final String[] EXT_ECX = {"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm", "sse4a",
        "misalignsse", "3dnowprefetch", "osvw", "ibs", "xop", "skinit", "wdt", null, "lwp", "fma4", "tce", null,
        "nodeid_msr", null, "tbm", "topoext", "perfctr_core", "perfctr_nb", null, "bpext", "ptsc", "perfctr_llc",
        "mwaitx", null, null};
    /** Names of CPUID.7.0:EBX bits 0..31. */
    private static final String[] LEAF7_EBX = {"fsgsbase", "tsc_adjust", "sgx", "bmi1", "hle", "avx2", null, "smep",
        "bmi2", "erms", "invpcid", "rtm", "cqm", null, "mpx", "rdt_a", "avx512f", "avx512dq", "rdseed", "adx", "smap",
        "avx512ifma", null, "clflushopt", "clwb", "intel_pt", "avx512pf", "avx512er", "avx512cd", "sha_ni",
        "avx512bw", "avx512vl"};

    /** The flags line: the names of the set CPUID bits, in the kernel's word order. */
    static String flags() {
        StringBuilder sb = new StringBuilder();
        append(sb, LEAF1_EDX, X86Helpers.cpuid(1, 0, 3));
        append(sb, EXT_EDX, X86Helpers.cpuid(0x8000_0001, 0, 3));
        append(sb, LEAF1_ECX, X86Helpers.cpuid(1, 0, 2));
        append(sb, EXT_ECX, X86Helpers.cpuid(0x8000_0001, 0, 2));
        append(sb, LEAF7_EBX, X86Helpers.cpuid(7, 0, 1));
        return sb.toString();
    }

    private static void append(StringBuilder sb, String[] names, int bits) {
        for (int i = 0; i < 32; i++) {
            if ((bits >>> i & 1) != 0 && names[i] != null) {
                sb.append(sb.length() == 0 ? "" : " ").append(names[i]);
            }
        }
    }

    private static String vendor() {
        int[] regs = {X86Helpers.cpuid(0, 0, 1), X86Helpers.cpuid(0, 0, 3), X86Helpers.cpuid(0, 0, 2)};
        StringBuilder sb = new StringBuilder();
        for (int v : regs) {
            for (int k = 0; k < 4; k++) {
                sb.append((char) (v >>> (8 * k) & 0xFF));
            }
        }
        return sb.toString().trim();
    }

    static String text(int cpus) {
        int sig = X86Helpers.cpuid(1, 0, 0);
        int family = (sig >>> 8 & 0xF) + ((sig >>> 8 & 0xF) == 0xF ? sig >>> 20 & 0xFF : 0);
        int model = (sig >>> 4 & 0xF) | ((sig >>> 8 & 0xF) >= 6 ? (sig >>> 16 & 0xF) << 4 : 0);
        String flags = flags();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cpus; i++) {
            sb.append("processor\t: ").append(i).append('\n')
                    .append("vendor_id\t: ").append(vendor()).append('\n')
                    .append("cpu family\t: ").append(family).append('\n')
                    .append("model\t\t: ").append(model).append('\n')
                    .append("model name\t: emu x86-64 (pure Java)\n")
                    .append("stepping\t: ").append(sig & 0xF).append('\n')
                    .append("cpu MHz\t\t: 1000.000\n")
                    .append("physical id\t: 0\n")
                    .append("siblings\t: ").append(cpus).append('\n')
                    .append("core id\t\t: ").append(i).append('\n')
                    .append("cpu cores\t: ").append(cpus).append('\n')
                    .append("fpu\t\t: ").append(flags.startsWith("fpu") ? "yes" : "no").append('\n')
                    .append("cpuid level\t: ").append(X86Helpers.cpuid(0, 0, 0)).append('\n')
                    .append("flags\t\t: ").append(flags).append('\n')
                    .append("bogomips\t: 2000.00\n")
                    .append("clflush size\t: 64\n")
                    .append("cache_alignment\t: 64\n")
                    .append("address sizes\t: 48 bits physical, 48 bits virtual\n\n");
        }
        return sb.toString();
    }
}

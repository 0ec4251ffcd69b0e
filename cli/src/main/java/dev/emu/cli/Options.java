package dev.emu.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line, qemu-user style: single-dash long options before the program, then the
 * program and its arguments untouched. Every option also has an environment variable, as
 * binfmt_misc passes no flags: EMU_* names, and qemu's QEMU_* ones as well.
 */
public final class Options {
    /** A bad command line: the message and exit status 1. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** qemu's -d log items; we trace translated blocks for any of them. */
    static final Set<String> LOG_ITEMS = Set.of("in_asm", "out_asm", "op", "op_opt", "exec", "cpu", "int", "page",
            "strace", "unimp", "guest_errors", "nochain", "all");

    public Path root;
    public final Map<String, String> setEnv = new LinkedHashMap<>();
    public final List<String> unsetEnv = new ArrayList<>();
    public String argv0;
    public String cpu;
    public long stackSize = 8L << 20;
    public boolean strace;
    public boolean traceBlocks;
    public boolean debug;
    public boolean help;
    public boolean version;
    public boolean interpretOnly;
    public String program;
    public List<String> args = new ArrayList<>();

    /** Parses the environment's settings, then the command line (which wins). */
    public static Options parse(String[] argv, Map<String, String> env) throws UsageException {
        Options o = new Options();
        o.fromEnvironment(env);
        o.fromArgs(argv);
        return o;
    }

    private static String env(Map<String, String> env, String name) {
        String v = env.get("EMU_" + name);
        return v != null ? v : env.get("QEMU_" + name);
    }

    void fromEnvironment(Map<String, String> env) throws UsageException {
        String v;
        if ((v = env(env, "LD_PREFIX")) != null && !v.isEmpty()) {
            root = Path.of(v);
        }
        if ((v = env(env, "SET_ENV")) != null) {
            for (String kv : v.split(",")) {
                addSetEnv(kv);
            }
        }
        if ((v = env(env, "UNSET_ENV")) != null) {
            for (String k : v.split(",")) {
                if (!k.isEmpty()) {
                    unsetEnv.add(k);
                }
            }
        }
        if ((v = env(env, "ARGV0")) != null) {
            argv0 = v;
        }
        if ((v = env(env, "CPU")) != null && !v.isEmpty()) {
            cpu = v;
        }
        if ((v = env(env, "STACK_SIZE")) != null && !v.isEmpty()) {
            stackSize = parseSize(v);
        }
        if (env(env, "STRACE") != null) {
            strace = true;
        }
        if ((v = env(env, "LOG")) != null && !v.isEmpty()) {
            traceBlocks = true;
        }
        if (env.get("EMU_DEBUG") != null) {
            debug = true;
        }
    }

    void fromArgs(String[] argv) throws UsageException {
        int i = 0;
        while (i < argv.length) {
            String a = argv[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            String name = a.startsWith("--") ? a.substring(2) : a.substring(1);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            i++;
            switch (name) {
                case "h", "help" -> help = true;
                case "version" -> version = true;
                case "strace" -> strace = true;
                case "debug" -> debug = true;
                case "interp", "no-jit" -> interpretOnly = true;
                case "d" -> {
                    traceBlocks = true;
                    // qemu's "-d in_asm,op": take the item list when it is one
                    String next = inline != null ? inline : i < argv.length ? argv[i] : null;
                    if (inline == null && next != null && isLogItems(next)) {
                        i++;
                    }
                }
                case "L", "root" -> root = Path.of(value(argv, i, inline, a));
                case "E" -> {
                    for (String kv : value(argv, i, inline, a).split(",")) {
                        addSetEnv(kv);
                    }
                }
                case "U" -> unsetEnv.add(value(argv, i, inline, a));
                case "0", "argv0" -> argv0 = value(argv, i, inline, a);
                case "cpu" -> cpu = value(argv, i, inline, a);
                case "s" -> stackSize = parseSize(value(argv, i, inline, a));
                default -> throw new UsageException("unknown option '" + a + "' (try --help)");
            }
            if (inline == null && takesValue(name)) {
                i++;
            }
        }
        if (i < argv.length) {
            program = argv[i];
            for (int j = i + 1; j < argv.length; j++) {
                args.add(argv[j]);
            }
        }
        if (program == null && !help && !version) {
            throw new UsageException("no program given (try --help)");
        }
    }

    private static boolean takesValue(String name) {
        return switch (name) {
            case "L", "root", "E", "U", "0", "argv0", "cpu", "s" -> true;
            default -> false;
        };
    }

    private static String value(String[] argv, int i, String inline, String opt) throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (i >= argv.length) {
            throw new UsageException("option '" + opt + "' needs a value (try --help)");
        }
        return argv[i];
    }

    static boolean isLogItems(String s) {
        for (String item : s.split(",")) {
            if (!LOG_ITEMS.contains(item)) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private void addSetEnv(String kv) throws UsageException {
        if (kv.isEmpty()) {
            return;
        }
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("-E wants var=value, not '" + kv + "'");
        }
        setEnv.put(kv.substring(0, eq), kv.substring(eq + 1));
    }

    /** "8M", "512k", "1G", "65536". */
    static long parseSize(String s) throws UsageException {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        long mult = 1;
        if (t.endsWith("k")) {
            mult = 1L << 10;
        } else if (t.endsWith("m")) {
            mult = 1L << 20;
        } else if (t.endsWith("g")) {
            mult = 1L << 30;
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t) * mult;
            if (v < 65536 || v > (1L << 32)) {
                throw new UsageException("stack size " + s + " out of range (64k..4G)");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("bad size '" + s + "' (use e.g. 8M)");
        }
    }

    /** The guest's environment: the host's, then -U removals, then -E settings. */
    public List<String> guestEnvironment(Map<String, String> hostEnv) {
        Map<String, String> env = new LinkedHashMap<>(new java.util.TreeMap<>(hostEnv));
        for (String k : unsetEnv) {
            env.remove(k);
        }
        env.putAll(setEnv);
        List<String> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    static final String USAGE = """
            usage: java -jar emu.jar [options] PROGRAM [ARGS...]
            Runs a Linux ELF program built for another CPU (the core is chosen from its ELF header).

            options (each also as an environment variable, EMU_* or QEMU_*):
              -L DIR, --root DIR  guest root: absolute paths look there first      EMU_LD_PREFIX
              -E var=val[,...]    set a variable in the guest's environment        EMU_SET_ENV
              -U var              remove a variable from the guest's environment   EMU_UNSET_ENV
              -0 ARGV0            argv[0] for the program                          EMU_ARGV0
              -cpu NAME           force the CPU core (arm64, ...)                   EMU_CPU
              -s SIZE             guest stack size, e.g. 8M (default)              EMU_STACK_SIZE
              -strace             log every syscall on stderr                      EMU_STRACE
              -d [in_asm,...]     print every translated block on stderr           EMU_LOG
              --interp            interpret only (no JIT)
              --debug             Java stack traces for emulator errors            EMU_DEBUG
              -h, --help          this text
              --version           the version

            exit status: the guest's; 128+N when signal N killed it; 127 when PROGRAM is
            missing; 126 when it cannot run (not ELF, no core for it); 125 when the emulator
            itself fails; 1 for a bad command line.
            """;
}

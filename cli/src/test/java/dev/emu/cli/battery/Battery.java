package dev.emu.cli.battery;

import dev.emu.core.elf.ElfImage;
import dev.emu.testkit.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machinery of the busybox batteries: each case of a battery file runs under the
 * emulator for every guest busybox whose core exists, and must print, fail and leave files
 * exactly as the native amd64 busybox does. Cases run on a bounded pool (each run is a JVM
 * or a native busybox in a directory of its own), and each dynamic test waits for its own.
 * A new core joins by adding its Debian arch to {@link #ARCHES}.
 */
final class Battery {
    /** Debian architectures whose busybox the emulator runs. */
    static final List<String> ARCHES = List.of("arm64", "armhf", "armel", "ppc64el", "amd64");
    static final FileTime FIXED_TIME = FileTime.fromMillis(1_600_000_000_000L);
    static final long TIMEOUT_SECONDS = 120;
    /** Runs at once: -Demu.battery.jobs=N, else the host's processor count (at least 2: runs wait on I/O too). */
    static final int JOBS = Integer.getInteger("emu.battery.jobs", Math.max(2, Runtime.getRuntime().availableProcessors()));

    /** How a battery file's lines become a command. */
    enum Format {
        /**
         * The arguments after "busybox", shell-style quoting, optional "< FILE" for stdin.
         */
        APPLET,
        /**
         * A script for {@code busybox sh -c}; a case continues on the following lines that
         * start with "> " (a shell's PS2 prompt), which become the script's next lines.
         */
        SHELL
    }

    record Case(int line, List<String> args, String stdin, boolean compareStderr, String text) {}

    record Outcome(int status, byte[] stdout, byte[] stderr, Map<String, String> files) {}

    private Battery() {}

    /**
     * One container per arch, one test per case; the runs happen on the pool as soon as this
     * returns. {@code jvmOptions} go to each emulator's JVM.
     */
    static Stream<DynamicNode> tests(String resource, Format format, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<Case> cases = readCases(resource, format);
        Path nativeBusybox = Fixtures.busybox("amd64");
        Path template = Files.createTempDirectory("emu-battery-template");
        BatteryFiles.create(template, nativeBusybox);
        ExecutorService pool = Executors.newFixedThreadPool(JOBS, r -> {
            Thread t = new Thread(r, "battery-run");
            t.setDaemon(true);
            return t;
        });
        // the native runs first: every arch compares with the same one
        List<Future<Outcome>> expected = new ArrayList<>();
        for (Case c : cases) {
            expected.add(pool.submit(() -> run(template, List.of(nativeBusybox.toString()), c)));
        }
        List<DynamicNode> perArch = new ArrayList<>();
        for (String arch : ARCHES) {
            Optional<Path> guest = Fixtures.findBusybox(arch).filter(Battery::hasCore);
            List<DynamicNode> tests = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                Future<Outcome> want = expected.get(i);
                Future<Outcome> got = guest.map(g -> pool.submit(() -> run(template, emulatorCommand(g, jvmOptions), c)))
                        .orElse(null);
                tests.add(DynamicTest.dynamicTest(arch + " line " + c.line() + ": " + c.text(), () -> {
                    Path g = Fixtures.busybox(arch);
                    Assumptions.assumeTrue(got != null, "no core for " + arch + " on the class path: " + g);
                    compare(c, result(want), result(got));
                }));
            }
            perArch.add(DynamicContainer.dynamicContainer(arch, tests));
        }
        return perArch.stream().onClose(() -> {
            pool.shutdownNow();
            try {
                deleteTree(template);
            } catch (IOException | UncheckedIOException e) {
                // a temporary directory: the OS cleans it eventually
            }
        });
    }

    private static boolean hasCore(Path busybox) {
        try {
            return ElfImage.read(busybox).findIsa().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome result(Future<Outcome> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static void compare(Case c, Outcome expected, Outcome actual) {
        String where = "busybox " + c.text();
        assertThat(text(actual.stdout())).as(where + ": stdout").isEqualTo(text(expected.stdout()));
        if (c.compareStderr()) {
            assertThat(text(actual.stderr())).as(where + ": stderr").isEqualTo(text(expected.stderr()));
        }
        assertThat(actual.status()).as(where + ": exit status (stderr: " + text(actual.stderr()) + ")")
                .isEqualTo(expected.status());
        assertThat(actual.files()).as(where + ": files afterwards").isEqualTo(expected.files());
    }

    /** Bytes as text when they are text, else as hex, so a failure message stays readable. */
    private static String text(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        boolean printable = s.chars().allMatch(ch -> ch >= 0x20 && ch != 0xFFFD || ch == '\n' || ch == '\t' || ch == '\r');
        return printable ? s : HexFormat.of().formatHex(b);
    }

    static List<String> emulatorCommand(Path guest, List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-XX:+UseSerialGC");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.emu.cli.Main", guest.toString()));
        return cmd;
    }

    static Outcome run(Path template, List<String> command, Case c) throws Exception {
        Path dir = Files.createTempDirectory("emu-battery");
        copyTree(template, dir);
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(c.args());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C", "TZ", "UTC", "HOME", dir.toString()));
        Path out = Files.createTempFile("emu-battery", ".out");
        Path err = Files.createTempFile("emu-battery", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.redirectInput(c.stdin() == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                : ProcessBuilder.Redirect.from(dir.resolve(c.stdin()).toFile()));
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", cmd));
            }
            return new Outcome(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err), snapshot(dir));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Files.delete(out);
            Files.delete(err);
            deleteTree(dir);
        }
    }

    /** Every entry below dir: type, size and content hash, or link target. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, "link -> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    m.put(rel, "dir");
                } else {
                    m.put(rel, "file " + Files.size(p) + " " + sha256(Files.readAllBytes(p)));
                }
            }
        }
        return m;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies with every timestamp set to one instant, so archives and listings agree. */
    static void copyTree(Path from, Path to) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    dirs.add(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setLastModifiedTime(target, FIXED_TIME);
                }
            }
        }
        for (int i = dirs.size() - 1; i >= 0; i--) {
            Files.setLastModifiedTime(dirs.get(i), FIXED_TIME);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static List<Case> readCases(String resource, Format format) throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = Battery.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no battery file " + resource + " on the class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int first = i;
                if (format == Format.SHELL) {
                    // the script is taken verbatim: continuation lines keep their text after "> "
                    StringBuilder script = new StringBuilder(lines[i].stripTrailing());
                    while (i + 1 < lines.length && lines[i + 1].startsWith("> ")) {
                        script.append('\n').append(lines[++i].substring(2).stripTrailing());
                    }
                    line = script.toString();
                }
                boolean stderr = true;
                if (line.endsWith("!stderr")) {
                    stderr = false;
                    line = line.substring(0, line.length() - "!stderr".length()).strip();
                }
                if (format == Format.SHELL) {
                    out.add(new Case(first + 1, List.of("sh", "-c", line), null, stderr, line.replace("\n", " \u23ce ")));
                    continue;
                }
                List<String> words = ShellWords.split(line);
                String stdin = null;
                int lt = words.indexOf("<");
                if (lt >= 0) {
                    stdin = words.get(lt + 1);
                    words = new ArrayList<>(words.subList(0, lt));
                }
                out.add(new Case(first + 1, words, stdin, stderr, line));
            }
        }
        return out;
    }
}

package dev.emu.testkit.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Compares two runners (the reference, qemu-user, and the emulator) on one instruction class:
 * N cases drawn by a generator from seeded {@link Random}s, batched many to a guest program.
 *
 * <pre>{@code
 * DiffCampaign.of("ADDS_shift", A64DiffProgram.INSTANCE, r -> {
 *         A64State s = A64State.random(r, 64);
 *         int word = 0xab000000 | r.nextInt(32) << 16 | r.nextInt(64) << 10 | r.nextInt(32) << 5 | r.nextInt(31);
 *         return new A64Case(word, s, null);
 *     })
 *     .run(new QemuRunner(qemu), emulator)
 *     .assertNoMismatches();
 * }</pre>
 *
 * <p>Case {@code i} draws from {@code new Random(caseSeed(i))}, so a failing case is rerun
 * alone with {@link #runSeeds}. System properties: {@code emu.diff.cases} (default 200),
 * {@code emu.diff.seed} (changes every case seed), {@code emu.diff.batch} (cases per program).
 *
 * <p>When a case kills a program (signal, timeout), the dumps before it are compared, the case
 * is judged by how each runner ended (the same signal on both is a match: an undefined
 * encoding, an access outside the window), and the rest of the batch runs in a new program.
 */
public final class DiffCampaign<C extends DiffCase> {
    /** Draws one case. Must use only {@code r} for randomness, so seeds reproduce cases. */
    @FunctionalInterface
    public interface Generator<C> {
        C generate(Random r);
    }

    /** A generated case with its place and seed. */
    public record Seeded<C>(int index, long seed, C value) {}

    private final String name;
    private final DiffProgram<C> program;
    private final Generator<C> generator;
    private int cases = Integer.getInteger("emu.diff.cases", 200);
    private long seed;
    private int batch;
    private Duration timeout = Duration.ofSeconds(30);
    private final java.util.Set<String> ignored = new java.util.HashSet<>();

    private DiffCampaign(String name, DiffProgram<C> program, Generator<C> generator) {
        this.name = Objects.requireNonNull(name);
        this.program = Objects.requireNonNull(program);
        this.generator = Objects.requireNonNull(generator);
        this.seed = Long.getLong("emu.diff.seed", mix(name.hashCode()));
        this.batch = Integer.getInteger("emu.diff.batch", program.maxCasesPerProgram());
    }

    public static <C extends DiffCase> DiffCampaign<C> of(String name, DiffProgram<C> program, Generator<C> generator) {
        return new DiffCampaign<>(name, program, generator);
    }

    /** Number of cases; {@code -Demu.diff.cases=N} sets the default. */
    public DiffCampaign<C> cases(int n) {
        this.cases = n;
        return this;
    }

    public DiffCampaign<C> seed(long campaignSeed) {
        this.seed = campaignSeed;
        return this;
    }

    /** Cases per guest program (at most the program's own limit). */
    public DiffCampaign<C> batch(int n) {
        this.batch = Math.max(1, Math.min(n, program.maxCasesPerProgram()));
        return this;
    }

    /** Time limit of one guest program under one runner. */
    public DiffCampaign<C> timeout(Duration t) {
        this.timeout = t;
        return this;
    }

    /**
     * Leaves these dump fields out of the comparison ("fpsr", say, for a class whose flags the
     * core does not model yet). Say why next to the call.
     */
    public DiffCampaign<C> ignoring(String... fields) {
        ignored.addAll(java.util.Arrays.asList(fields));
        return this;
    }

    public String name() {
        return name;
    }

    public int cases() {
        return cases;
    }

    /** The seed of case {@code index}. */
    public long caseSeed(int index) {
        return mix(seed + 0x9E3779B97F4A7C15L * (index + 1));
    }

    public List<Seeded<C>> generate() {
        List<Seeded<C>> out = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            long s = caseSeed(i);
            out.add(new Seeded<>(i, s, generator.generate(new Random(s))));
        }
        return out;
    }

    /** Runs all {@link #cases()} cases under both runners. */
    public CampaignReport run(GuestRunner expected, GuestRunner actual) {
        return run(expected, actual, generate());
    }

    /** Reruns the cases with these seeds (from a failure message). */
    public CampaignReport runSeeds(GuestRunner expected, GuestRunner actual, long... caseSeeds) {
        List<Seeded<C>> list = new ArrayList<>();
        for (long s : caseSeeds) {
            list.add(new Seeded<>(list.size(), s, generator.generate(new Random(s))));
        }
        return run(expected, actual, list);
    }

    public CampaignReport run(GuestRunner expected, GuestRunner actual, List<Seeded<C>> all) {
        long start = System.nanoTime();
        try (Session session = new Session(expected, actual)) {
            int pos = 0;
            // After a case kills a program the rest of its batch runs again in a new one; when
            // faults are frequent, smaller programs waste less, so the size follows the distance
            // between faults and grows back when they stop.
            int size = batch;
            while (pos < all.size()) {
                List<Seeded<C>> part = all.subList(pos, Math.min(all.size(), pos + size));
                Outcome o = session.runProgram(part);
                pos += o.judged();
                size = o.stopped() ? Math.max(4, Math.min(batch, 2 * o.judged())) : Math.min(batch, size * 2);
            }
            return new CampaignReport(name, all.size(), session.faultedAlike, session.programs, session.mismatches,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far a program got: cases judged, and whether a case stopped it (the last one judged). */
    private record Outcome(int judged, boolean stopped) {}

    /** One run of the campaign: the runners, a scratch directory for the programs, the tallies. */
    private final class Session implements AutoCloseable {
        final GuestRunner expected;
        final GuestRunner actual;
        final Path dir;
        final ExecutorService pool;
        final List<CampaignReport.Mismatch> mismatches = new ArrayList<>();
        int faultedAlike;
        int programs;
        boolean keepDir;

        Session(GuestRunner expected, GuestRunner actual) throws IOException {
            this.expected = expected;
            this.actual = actual;
            this.dir = Files.createTempDirectory("emu-diff-" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-");
            this.pool = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "diff-expected");
                t.setDaemon(true);
                return t;
            });
        }

        /**
         * Runs {@code part} as one program under both runners (concurrently) and judges its
         * cases: all of them, or up to and including the case that stopped a program.
         */
        Outcome runProgram(List<Seeded<C>> part) throws IOException {
            List<C> values = part.stream().map(Seeded::value).toList();
            Path elf = dir.resolve("cases-" + part.get(0).index() + "-" + part.get(part.size() - 1).index());
            Files.write(elf, program.build(values));
            elf.toFile().setExecutable(true, false);
            programs++;
            RunResult[] results = runBoth(elf);
            RunResult re = results[0];
            RunResult ra = results[1];

            int before = mismatches.size();
            int offE = 0;
            int offA = 0;
            int judged = part.size();
            boolean stopped = false;
            for (int k = 0; k < part.size(); k++) {
                DumpLayout layout = program.layout(values.get(k));
                boolean haveE = offE + layout.length() <= re.stdout().length;
                boolean haveA = offA + layout.length() <= ra.stdout().length;
                if (haveE && haveA) {
                    judgeDumps(part.get(k), DiffDump.slice(layout, re.stdout(), offE),
                            DiffDump.slice(layout, ra.stdout(), offA), elf);
                    offE += layout.length();
                    offA += layout.length();
                    continue;
                }
                if (!haveE && !re.timedOut() && re.signal() == 0) {
                    // Guest faults end with a signal; a reference program that exits with its
                    // dumps missing means the setup is broken (qemu could not load it, say), and
                    // counting its cases as faulted alike would hide that.
                    throw new IllegalStateException(String.format(
                            "%s ended %s before the dump of case #%d (%s, program %s); stderr:%n%s",
                            expected.name(), re.describe(), part.get(k).index(), name, elf, re.stderrText()));
                }
                // At least one program stopped at or before this case: judge it by how they ended.
                if (!haveE && !haveA && sameEnding(re, ra)) {
                    faultedAlike++;
                } else {
                    mismatches.add(mismatch(part.get(k), "expected (" + expected.name() + "): "
                            + (haveE ? "a dump" : re.describe()) + "\nactual   (" + actual.name() + "): "
                            + (haveA ? "a dump" : ra.describe()), List.of(), elf));
                }
                judged = k + 1;
                stopped = true;
                break;
            }
            if (!stopped && (!sameEnding(re, ra) || re.stdout().length != offE || ra.stdout().length != offA)) {
                // Every case dumped, but the programs did not end alike.
                mismatches.add(mismatch(part.get(part.size() - 1), String.format(
                        "after the last case: expected (%s): %s, %d extra byte(s)%nactual (%s): %s, %d extra byte(s)",
                        expected.name(), re.describe(), re.stdout().length - offE,
                        actual.name(), ra.describe(), ra.stdout().length - offA), List.of(), elf));
            }
            if (mismatches.size() > before) {
                keepDir = true; // the program reproduces the mismatch by hand
            } else {
                Files.deleteIfExists(elf);
            }
            return new Outcome(judged, stopped);
        }

        private RunResult[] runBoth(Path elf) throws IOException {
            Future<RunResult> futureExpected = pool.submit(() -> expected.run(elf, timeout));
            RunResult ra = actual.run(elf, timeout);
            try {
                return new RunResult[] {futureExpected.get(), ra};
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(expected.name() + " failed on " + elf, e.getCause());
            }
        }

        private void judgeDumps(Seeded<C> sc, DiffDump e, DiffDump a, Path elf) {
            List<DiffDump.FieldDiff> diffs = e.compare(a);
            if (!ignored.isEmpty()) {
                diffs = diffs.stream().filter(d -> !ignored.contains(d.field())).toList();
            }
            if (!diffs.isEmpty()) {
                mismatches.add(mismatch(sc, null, diffs, elf));
            } else if (program.isFaultDump(e)) {
                faultedAlike++;
            }
        }

        private CampaignReport.Mismatch mismatch(Seeded<C> sc, String problem, List<DiffDump.FieldDiff> diffs, Path elf) {
            return new CampaignReport.Mismatch(name, sc.index(), sc.seed(), sc.value().describe(), problem, diffs,
                    expected.name(), actual.name(), elf);
        }

        @Override
        public void close() {
            pool.shutdownNow();
            if (!keepDir) {
                deleteTree(dir);
            }
        }
    }

    private static boolean sameEnding(RunResult a, RunResult b) {
        return a.timedOut() == b.timedOut() && (a.timedOut() || a.exitStatus() == b.exitStatus());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}

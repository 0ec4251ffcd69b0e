package dev.emu.testkit.diff;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a {@link DiffCampaign} run found. */
public final class CampaignReport {
    /**
     * One case on which the runners disagree.
     *
     * @param problem how the runs ended when that differs ("expected: dump; actual: killed by
     *                signal 4"), else null
     * @param diffs   the dump fields that differ, empty when one side wrote no dump
     */
    public record Mismatch(String campaign, int index, long seed, String caseDescription, String problem,
            List<DiffDump.FieldDiff> diffs, String expectedRunner, String actualRunner, Path elf) {
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%s case #%d, seed 0x%016xL%n", campaign, index, seed));
            sb.append(caseDescription.stripTrailing()).append('\n');
            if (problem != null) {
                sb.append(problem).append('\n');
            }
            if (!diffs.isEmpty()) {
                sb.append(String.format("%d field(s) differ (expected = %s, actual = %s):%n",
                        diffs.size(), expectedRunner, actualRunner));
                for (DiffDump.FieldDiff d : diffs) {
                    sb.append(String.format("  %-12s expected %s%n  %-12s actual   %s%n", d.field(), d.expected(), "", d.actual()));
                }
            }
            sb.append(String.format("reproduce alone: campaign.runSeeds(expected, actual, 0x%016xL)", seed));
            if (elf != null) {
                sb.append("; the batch program is kept at ").append(elf);
            }
            return sb.append('\n').toString();
        }
    }

    private final String name;
    private final int cases;
    private final int faultedAlike;
    private final int programs;
    private final List<Mismatch> mismatches;
    private final Duration elapsed;

    public CampaignReport(String name, int cases, int faultedAlike, int programs, List<Mismatch> mismatches,
            Duration elapsed) {
        this.name = name;
        this.cases = cases;
        this.faultedAlike = faultedAlike;
        this.programs = programs;
        this.mismatches = List.copyOf(mismatches);
        this.elapsed = elapsed;
    }

    public String name() {
        return name;
    }

    public int cases() {
        return cases;
    }

    /**
     * Cases that faulted the same way under both runners (an undefined encoding, say): they
     * killed the program alike, or the program caught the fault and the dumps agree.
     */
    public int faultedAlike() {
        return faultedAlike;
    }

    /** Guest programs built and run (per runner). */
    public int programs() {
        return programs;
    }

    public List<Mismatch> mismatches() {
        return mismatches;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public double casesPerSecond() {
        return cases / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    public String summary() {
        return String.format("%s: %d cases in %d program(s), %.2f s (%.0f cases/s), %d mismatch(es), %d faulted alike",
                name, cases, programs, elapsed.toNanos() / 1e9, casesPerSecond(), mismatches.size(), faultedAlike);
    }

    /** The summary and the first {@code max} mismatches in full. */
    public String failureMessage(int max) {
        StringBuilder sb = new StringBuilder(summary()).append('\n');
        for (int i = 0; i < Math.min(max, mismatches.size()); i++) {
            sb.append('\n').append(mismatches.get(i).describe());
        }
        if (mismatches.size() > max) {
            sb.append(String.format("%n... and %d more mismatch(es)%n", mismatches.size() - max));
        }
        return sb.toString();
    }

    /** Fails with {@link #failureMessage} (the first 5 mismatches) if the runners disagreed. */
    public CampaignReport assertNoMismatches() {
        if (!mismatches.isEmpty()) {
            throw new AssertionError(failureMessage(5));
        }
        return this;
    }

    @Override
    public String toString() {
        return summary();
    }
}

package io.cdctest.run;

import static io.cdctest.check.Comparisons.differing;
import static io.cdctest.check.Comparisons.equal;
import static io.cdctest.check.Comparisons.row;
import static io.cdctest.check.Comparisons.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.Comparisons;
import io.cdctest.check.EventCheck;
import io.cdctest.check.FilterEffects;
import io.cdctest.check.KeyHistory;
import io.cdctest.check.SyncOutcome;
import io.cdctest.check.TableComparison;
import io.cdctest.pipeline.IdlePipeline;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.spec.Cause;
import io.cdctest.spec.Origin;
import io.cdctest.spec.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a validate_sync outcome means, from outcomes and key histories given in memory. */
class SyncVerdictTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration WAITED = Duration.ofMillis(1200);

    @TempDir
    Path reportDir;

    private final ComparisonPlan plan = Comparisons.plan("t");
    private final KeyHistory history = new KeyHistory();
    private final Pipe pipeline = new Pipe();

    /** A pipeline that filters as told and whose audit answers as told; nothing runs. */
    private static final class Pipe extends IdlePipeline implements Pipeline.Filters, Pipeline.Audit {
        FilterEffects filters = FilterEffects.NONE;
        Optional<EventCheck> audit = Optional.empty();
        List<ComparisonPlan> audited;

        @Override
        public FilterEffects filters(ComparisonPlan plan) {
            return filters;
        }

        @Override
        public Optional<EventCheck> audit(List<ComparisonPlan> plans, KeyHistory history) {
            audited = plans;
            return audit;
        }
    }

    private String judge(SyncOutcome outcome, Cause... expect) {
        Step.ValidateSync step = new Step.ValidateSync("t", null, List.of(expect), new Origin("tests.yaml", 7));
        return new SyncVerdict(pipeline, history, reportDir).judge(step, List.of(plan), outcome, TIMEOUT);
    }

    private static SyncOutcome outcome(TableComparison... comparisons) {
        return new SyncOutcome(List.of(comparisons), Optional.empty(), Optional.empty(), WAITED, 3);
    }

    private static String failure(Runnable judged) {
        try {
            judged.run();
        } catch (CdctestException e) {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
            return e.getMessage();
        }
        throw new AssertionError("the step passed");
    }

    @Test
    void inSyncTheTableIsMarkedSyncedAndThePipelinesRecordAudited() {
        pipeline.audit = Optional.of(new EventCheck("Kafka audit: all there", List.of()));
        snapshot(history, plan, row("1", "a"));

        String line = judge(outcome(equal(plan, 10)));

        assertThat(line).isEqualTo("t: 10 rows equal after 1.2 s (3 checks); Kafka audit: all there");
        assertThat(pipeline.audited).containsExactly(plan);
        snapshot(history, plan, row("1", "a"), row("2", "b"));
        assertThat(history.changes(plan).get(Comparisons.key(plan, "2")))
                .as("a change after the sync is the pipeline's own event").containsExactly(KeyHistory.Change.INSERTED);
    }

    @Test
    void aWrongRecordFailsAlthoughTheTargetIsRight() {
        pipeline.audit = Optional.of(new EventCheck("Kafka audit", List.of("1 key(s) ... lost")));

        assertThat(failure(() -> judge(outcome(equal(plan, 10)))))
                .isEqualTo("the target is right but the topic is not: 1 key(s) ... lost");
    }

    @Test
    void aBrokenPipelineFailsFirst() {
        SyncOutcome broken = new SyncOutcome(List.of(), Optional.of("the producer died"), Optional.empty(), WAITED, 0);

        assertThat(failure(() -> judge(broken))).isEqualTo("the pipeline broke while waiting: the producer died");
        assertThat(failure(() -> judge(broken, Cause.STALE))).as("even when differences are expected")
                .isEqualTo("the pipeline broke while waiting: the producer died");
    }

    @Test
    void equalTablesOfAPipelineThatHasNotCaughtUpAreNotInSync() {
        SyncOutcome behind = new SyncOutcome(List.of(equal(plan, 10)), Optional.empty(), Optional.of("2 s behind"), WAITED, 0);

        assertThat(failure(() -> judge(behind))).isEqualTo("the pipeline did not catch up within 5.0 s: 2 s behind");
    }

    @Test
    void differencesFailWithTheRowsAndFixSql() throws Exception {
        TableComparison lost = differing(plan, 10, 9, Comparisons.missing(plan, "5", Cause.MISSING));

        String message = failure(() -> judge(outcome(lost)));

        assertThat(message).startsWith("not in sync after 5.0 s: t: 1 row differs (source 10 rows, target 9)\n"
                + "      missing in target: id=5\n      fix SQL: ");
        Path fix = Path.of(message.substring(message.indexOf("fix SQL: ") + 9).strip());
        assertThat(fix).startsWith(reportDir);
        assertThat(Files.readString(fix)).contains("REPLACE INTO ", "db2", "'n5'");
    }

    @Test
    void differencesTheFiltersMakeAreTheResultAndLeaksFail() {
        pipeline.filters = new FilterEffects(false, true, true, false);
        snapshot(history, plan, row("1", "a"), row("2", "b"), row("3", "c"));
        snapshot(history, plan, row("1", "a"));
        TableComparison kept = differing(plan, 1, 3, Comparisons.extra(plan, "2", Cause.RESURRECTED),
                Comparisons.extra(plan, "3", Cause.RESURRECTED));

        assertThat(judge(outcome(kept))).isEqualTo("t: equal but for 2 rows the filters keep out (resurrected) after 1.2 s "
                + "(3 checks)");

        TableComparison leaked = differing(plan, 1, 2, Comparisons.extra(plan, "2", Cause.RESURRECTED));
        assertThat(failure(() -> judge(outcome(leaked))))
                .isEqualTo("the filters leaked: t: 1 filtered change(s) reached the target: the delete of id=3");
    }

    @Test
    void expectedDifferencesPassOnlyWhenEachHasAnExpectedCause() {
        TableComparison stale = differing(plan, 10, 10, Comparisons.extra(plan, "4", Cause.RESURRECTED));

        assertThat(judge(outcome(stale), Cause.RESURRECTED, Cause.STALE))
                .isEqualTo("found as expected: extra in target: id=4 [resurrected]");
        assertThat(failure(() -> judge(outcome(stale), Cause.STALE)))
                .startsWith("differences with an unexpected cause (expected stale): t: 1 row differs");
        assertThat(failure(() -> judge(outcome(equal(plan, 10)), Cause.STALE, Cause.MISSING)))
                .isEqualTo("expected differences (stale, missing) but the tables are equal");
    }
}

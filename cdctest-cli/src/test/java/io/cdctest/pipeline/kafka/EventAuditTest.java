package io.cdctest.pipeline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.EventCheck;
import io.cdctest.check.FilterEffects;
import io.cdctest.check.KeyHistory.Change;
import io.cdctest.check.RowKey;
import io.cdctest.check.TableRef;
import io.cdctest.format.ChangeEvent;
import io.cdctest.spec.Delivery;
import io.cdctest.sql.Column;
import io.cdctest.sql.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-key matching of the Kafka audit: harness changes (I N U D before sync, i u d after) against events (r i u p d). */
class EventAuditTest {

    /** Changes in letters: I (present at the first snapshot), N U D (before the first sync), i u d (after). */
    static List<Change> changes(String letters) {
        return letters.chars().mapToObj(c -> switch (c) {
            case 'I' -> Change.INITIAL;
            case 'N' -> Change.INSERTED_BEFORE_SYNC;
            case 'U' -> Change.UPDATED_BEFORE_SYNC;
            case 'D' -> Change.DELETED_BEFORE_SYNC;
            case 'i' -> Change.INSERTED;
            case 'u' -> Change.UPDATED;
            case 'd' -> Change.DELETED;
            default -> throw new IllegalArgumentException(String.valueOf((char) c));
        }).toList();
    }

    /** Events in letters: r (snapshot read), i, u, p (upsert), d. */
    static List<ChangeEvent.Op> ops(String letters) {
        return letters.chars().mapToObj(c -> switch (c) {
            case 'r' -> ChangeEvent.Op.READ;
            case 'i' -> ChangeEvent.Op.INSERT;
            case 'u' -> ChangeEvent.Op.UPDATE;
            case 'p' -> ChangeEvent.Op.UPSERT;
            case 'd' -> ChangeEvent.Op.DELETE;
            default -> throw new IllegalArgumentException(String.valueOf((char) c));
        }).toList();
    }

    private static boolean accepted(String want, String seen) {
        return accepted(want, seen, false);
    }

    private static boolean accepted(String want, String seen, boolean resnapshot) {
        return EventAudit.accepted(changes(want), ops(seen), resnapshot);
    }

    @Test
    void everyChangeAfterTheSnapshotMustBeInKafkaInOrder() {
        assertThat(accepted("Iud", "rud")).isTrue();
        assertThat(accepted("Iuu", "ru")).as("a lost update").isFalse();
        assertThat(accepted("Iud", "rdu")).as("out of order").isFalse();
        assertThat(accepted("id", "id")).isTrue();
        assertThat(accepted("id", "i")).as("a lost delete").isFalse();
        assertThat(accepted("iu", "iuu")).as("a change the harness did not see may lie between").isTrue();
    }

    @Test
    void theSnapshotReadMayAbsorbChangesMadeBeforeTheFirstSync() {
        assertThat(accepted("IU", "r")).as("the snapshot read the updated row").isTrue();
        assertThat(accepted("IU", "ru")).as("the snapshot read it before the update").isTrue();
        assertThat(accepted("IUu", "r")).as("an update after the sync is never absorbed").isFalse();
        assertThat(accepted("ID", "")).as("deleted before the snapshot reached it").isTrue();
        assertThat(accepted("IU", "")).as("a row that stayed must have a snapshot event").isFalse();
        assertThat(accepted("I", "u")).as("no snapshot event: lost").isFalse();
        assertThat(accepted("N", "i")).isTrue();
        assertThat(accepted("N", "r")).isTrue();
    }

    @Test
    void aNewSnapshotAfterAProducerRestartStandsForTheChangesBeforeIt() {
        assertThat(accepted("Iuu", "rr", true)).as("re-read after two updates while down").isTrue();
        assertThat(accepted("iu", "r", true)).as("inserted and updated while down").isTrue();
        assertThat(accepted("iu", "r", false)).as("no restart: the update is lost").isFalse();
        assertThat(accepted("Iud", "rr", true)).as("a delete while down is lost: the new snapshot has no row").isFalse();
        assertThat(accepted("Iuuu", "rru", true)).isTrue();
        assertThat(accepted("Iuud", "rru", true)).as("the delete after the re-read must be there").isFalse();
        assertThat(accepted("iuu", "ru", true)).as("inserted and updated while down, read, updated again").isTrue();
        assertThat(accepted("Iuuu", "ru", true)).as("the read stands for any run of changes before the update").isTrue();
        assertThat(accepted("iuud", "ru", true)).as("a delete after the read must be there").isFalse();
    }

    @Test
    void upsertsStandForInsertsAndUpdates() {
        assertThat(accepted("Iu", "pp")).isTrue();
        assertThat(accepted("Iuu", "pp")).isFalse();
        assertThat(accepted("Iud", "ppd")).isTrue();
    }

    private static final ComparisonPlan PLAN = plan();

    private static ComparisonPlan plan() {
        TableSchema schema = new TableSchema("db", "t", List.of(new Column("id", "int", "int", false, true),
                new Column("name", "varchar", "varchar(10)", true, false), new Column("score", "float", "float", true, false)));
        return ComparisonPlan.build("t", new TableRef("db", "t", null), Optional.of(schema), new TableRef("db2", "t", null),
                Optional.of(schema), List.of(), List.of());
    }

    private static final class Topic {
        final List<TopicSnapshot.Last> events = new ArrayList<>();

        Topic add(ChangeEvent.Op op, Map<String, Object> before, Map<String, Object> after) {
            events.add(new TopicSnapshot.Last(new ChangeEvent("db", "t", op, before, after), 0, events.size()));
            return this;
        }
    }

    private static EventCheck audit(Topic topic, String changes, Delivery delivery) {
        EventAudit audit = new EventAudit(delivery, "flink_cdc.delivery", false);
        audit.check(PLAN, TopicSnapshot.of(PLAN, topic.events), Map.of(RowKey.of(PLAN.keyColumns(), new String[] {"1"}),
                changes(changes)), FilterEffects.NONE);
        return audit.result();
    }

    @Test
    void aRepeatedEventIsADuplicateThatOnlyAtLeastOnceTolerates() {
        Map<String, Object> v0 = Map.of("id", 1L, "name", "a", "score", 1.5);
        Map<String, Object> v1 = Map.of("id", 1L, "name", "b", "score", 1.5);
        Topic topic = new Topic().add(ChangeEvent.Op.READ, null, v0).add(ChangeEvent.Op.UPDATE, v0, v1)
                .add(ChangeEvent.Op.UPDATE, v0, v1);
        EventCheck strict = audit(topic, "Iu", Delivery.EXACTLY_ONCE);
        assertThat(strict.problems()).singleElement().asString()
                .startsWith("1 duplicate event(s), e.g. t id=1 at partition 0 offset 2 repeats partition 0 offset 1");
        EventCheck tolerant = audit(topic, "Iu", Delivery.AT_LEAST_ONCE);
        assertThat(tolerant.passed()).isTrue();
        assertThat(tolerant.summary()).contains("1 duplicate(s) (at-least-once: tolerated)", "1 before image(s) checked");
    }

    @Test
    void aBeforeImageThatIsNotThePreviousRowIsNamedWithBothValues() {
        Map<String, Object> v0 = Map.of("id", 1L, "name", "a", "score", 23598.4);
        Map<String, Object> v1 = Map.of("id", 1L, "name", "b", "score", 23598.36f);
        Map<String, Object> v2 = Map.of("id", 1L, "name", "c", "score", 1.0f);
        Topic topic = new Topic().add(ChangeEvent.Op.READ, null, v0)
                .add(ChangeEvent.Op.UPDATE, Map.of("id", 1L, "name", "a", "score", 23598.36f), v1)
                .add(ChangeEvent.Op.UPDATE, Map.of("id", 1L, "name", "x", "score", 23598.36f), v2);
        EventCheck check = audit(topic, "Iuu", Delivery.EXACTLY_ONCE);
        assertThat(check.problems()).singleElement().asString().isEqualTo("1 wrong before image(s): t id=1: the before image "
                + "at partition 0 offset 2 differs from the row of the event before it (partition 0 offset 1) in name "
                + "(before x, row b)");
    }

    @Test
    void aLostDeleteIsNamedAndPlacedOnTheProducerHop() {
        Map<String, Object> v0 = Map.of("id", 1L, "name", "a");
        EventCheck check = audit(new Topic().add(ChangeEvent.Op.READ, null, v0), "Id", Delivery.EXACTLY_ONCE);
        assertThat(check.problems()).singleElement().asString().isEqualTo("1 key(s) whose events in Kafka do not match the "
                + "changes made: t id=1: the harness made [insert, delete], Kafka has [snapshot read] (partition 0 offset 0): "
                + "a delete never reached Kafka (producer hop)");
    }
}

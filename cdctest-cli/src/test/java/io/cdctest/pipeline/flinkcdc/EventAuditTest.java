package io.cdctest.pipeline.flinkcdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.EventCheck;
import io.cdctest.check.FilterEffects;
import io.cdctest.check.TableRef;
import io.cdctest.format.ChangeEvent;
import io.cdctest.spec.FlinkCdcSpec;
import io.cdctest.sql.Column;
import io.cdctest.sql.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-key matching of the Kafka audit: harness changes (I N U D before sync, i u d after) against events (r i u p d). */
class EventAuditTest {

    @Test
    void everyChangeAfterTheSnapshotMustBeInKafkaInOrder() {
        assertThat(EventAudit.accepted("Iud", "rud")).isTrue();
        assertThat(EventAudit.accepted("Iuu", "ru")).as("a lost update").isFalse();
        assertThat(EventAudit.accepted("Iud", "rdu")).as("out of order").isFalse();
        assertThat(EventAudit.accepted("id", "id")).isTrue();
        assertThat(EventAudit.accepted("id", "i")).as("a lost delete").isFalse();
        assertThat(EventAudit.accepted("iu", "iuu")).as("a change the harness did not see may lie between").isTrue();
    }

    @Test
    void theSnapshotReadMayAbsorbChangesMadeBeforeTheFirstSync() {
        assertThat(EventAudit.accepted("IU", "r")).as("the snapshot read the updated row").isTrue();
        assertThat(EventAudit.accepted("IU", "ru")).as("the snapshot read it before the update").isTrue();
        assertThat(EventAudit.accepted("IUu", "r")).as("an update after the sync is never absorbed").isFalse();
        assertThat(EventAudit.accepted("ID", "")).as("deleted before the snapshot reached it").isTrue();
        assertThat(EventAudit.accepted("IU", "")).as("a row that stayed must have a snapshot event").isFalse();
        assertThat(EventAudit.accepted("I", "u")).as("no snapshot event: lost").isFalse();
        assertThat(EventAudit.accepted("N", "i")).isTrue();
        assertThat(EventAudit.accepted("N", "r")).isTrue();
    }

    @Test
    void aNewSnapshotAfterAProducerRestartStandsForTheChangesBeforeIt() {
        assertThat(EventAudit.accepted("Iuu", "rr", true)).as("re-read after two updates while down").isTrue();
        assertThat(EventAudit.accepted("iu", "r", true)).as("inserted and updated while down").isTrue();
        assertThat(EventAudit.accepted("iu", "r", false)).as("no restart: the update is lost").isFalse();
        assertThat(EventAudit.accepted("Iud", "rr", true)).as("a delete while down is lost: the new snapshot has no row").isFalse();
        assertThat(EventAudit.accepted("Iuuu", "rru", true)).isTrue();
        assertThat(EventAudit.accepted("Iuud", "rru", true)).as("the delete after the re-read must be there").isFalse();
    }

    @Test
    void upsertsStandForInsertsAndUpdates() {
        assertThat(EventAudit.accepted("Iu", "pp")).isTrue();
        assertThat(EventAudit.accepted("Iuu", "pp")).isFalse();
        assertThat(EventAudit.accepted("Iud", "ppd")).isTrue();
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

    private static EventCheck audit(Topic topic, String changes, FlinkCdcSpec.Delivery delivery) {
        EventAudit audit = new EventAudit(delivery, false);
        audit.check(PLAN, TopicSnapshot.of(PLAN, topic.events), Map.of(List.of("1"), changes), FilterEffects.NONE);
        return audit.result();
    }

    @Test
    void aRepeatedEventIsADuplicateThatOnlyAtLeastOnceTolerates() {
        Map<String, Object> v0 = Map.of("id", 1L, "name", "a", "score", 1.5);
        Map<String, Object> v1 = Map.of("id", 1L, "name", "b", "score", 1.5);
        Topic topic = new Topic().add(ChangeEvent.Op.READ, null, v0).add(ChangeEvent.Op.UPDATE, v0, v1)
                .add(ChangeEvent.Op.UPDATE, v0, v1);
        EventCheck strict = audit(topic, "Iu", FlinkCdcSpec.Delivery.EXACTLY_ONCE);
        assertThat(strict.problems()).singleElement().asString()
                .startsWith("1 duplicate event(s), e.g. t id=1 at partition 0 offset 2 repeats partition 0 offset 1");
        EventCheck tolerant = audit(topic, "Iu", FlinkCdcSpec.Delivery.AT_LEAST_ONCE);
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
        EventCheck check = audit(topic, "Iuu", FlinkCdcSpec.Delivery.EXACTLY_ONCE);
        assertThat(check.problems()).singleElement().asString().isEqualTo("1 wrong before image(s): t id=1: the before image "
                + "at partition 0 offset 2 differs from the row of the event before it (partition 0 offset 1) in name "
                + "(before x, row b)");
    }

    @Test
    void aLostDeleteIsNamedAndPlacedOnTheProducerHop() {
        Map<String, Object> v0 = Map.of("id", 1L, "name", "a");
        EventCheck check = audit(new Topic().add(ChangeEvent.Op.READ, null, v0), "Id", FlinkCdcSpec.Delivery.EXACTLY_ONCE);
        assertThat(check.problems()).singleElement().asString().isEqualTo("1 key(s) whose events in Kafka do not match the "
                + "changes made: t id=1: the harness made [insert, delete], Kafka has [snapshot read] (partition 0 offset 0): "
                + "a delete never reached Kafka (producer hop)");
    }
}

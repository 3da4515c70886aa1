package io.cdctest.pipeline.kafka;

import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.EventCheck;
import io.cdctest.check.FilterEffects;
import io.cdctest.check.KeyHistory;
import io.cdctest.check.KeyHistory.Change;
import io.cdctest.check.KeyHistory.Kind;
import io.cdctest.check.RowKey;
import io.cdctest.format.ChangeEvent;
import io.cdctest.format.ChangeEvent.Op;
import io.cdctest.spec.Delivery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks, key by key, the events of the topic against the changes the harness made on the source
 * (from the key history): every change it saw must be in Kafka, in its order (lost or reordered
 * events fail even when the target ends up right, e.g. a lost update followed by another); an
 * event repeating the one before it is a duplicate (counted; a failure unless the scenario
 * declares at-least-once delivery); the before image of an update or delete must equal the
 * previous event's row. Filtered changes are not expected, and an excluded table must have no
 * events. Changes the harness did not see (two within one step) may appear in Kafka as extra events.
 */
final class EventAudit {
    /** Tables with more events than this are not audited (the topic is held in memory). */
    static final long MAX_EVENTS = 500_000;
    private static final int SHOWN = 10;

    private final Delivery delivery;
    private final String deliveryKey;
    private final List<String> problems = new ArrayList<>();
    private final List<String> duplicateSamples = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private long events;
    private long keys;
    private long duplicates;
    private long beforeImages;

    private final boolean resnapshot;

    /**
     * @param deliveryKey where the scenario declares the delivery ({@code flink_cdc.delivery}), named when duplicates fail
     * @param resnapshot  the producer was started again (a fault step) and read a new snapshot
     */
    EventAudit(Delivery delivery, String deliveryKey, boolean resnapshot) {
        this.delivery = delivery;
        this.deliveryKey = deliveryKey;
        this.resnapshot = resnapshot;
    }

    /** @param expected the harness's changes per key (see {@link KeyHistory#changes}) */
    void check(ComparisonPlan plan, TopicSnapshot topic, Map<RowKey, List<Change>> expected, FilterEffects filters) {
        events += topic.count();
        if (filters.excluded()) {
            if (topic.count() > 0) {
                problems.add(plan.name() + ": " + topic.count() + " events in Kafka although the table is excluded");
            }
            return;
        }
        if (topic.count() > MAX_EVENTS) {
            skipped.add(plan.name() + " (" + topic.count() + " events)");
            return;
        }
        Map<RowKey, List<Change>> wanted = new HashMap<>();
        expected.forEach((key, changes) -> wanted.put(key, withoutFiltered(changes, filters)));
        Set<RowKey> all = new LinkedHashSet<>(wanted.keySet());
        all.addAll(topic.events().keySet());
        boolean checkBefore = filters.none();
        List<String> lost = new ArrayList<>();
        List<String> badBefore = new ArrayList<>();
        for (RowKey key : all) {
            keys++;
            List<TopicSnapshot.Last> seen = topic.events().getOrDefault(key, List.of());
            List<Op> ops = new ArrayList<>();
            List<TopicSnapshot.Last> kept = new ArrayList<>();
            TopicSnapshot.Last previous = null;
            Map<String, Object> pendingBefore = null;
            for (TopicSnapshot.Last e : seen) {
                ChangeEvent event = e.event();
                if (event.op() == Op.UPDATE_BEFORE) {
                    pendingBefore = event.before();
                    continue;
                }
                if (previous != null && same(previous.event(), event)) {
                    duplicates++;
                    if (duplicateSamples.size() < SHOWN) {
                        duplicateSamples.add(plan.name() + " " + show(key) + " at " + where(e) + " repeats " + where(previous));
                    }
                    continue;
                }
                Op op = event.op();
                Map<String, Object> before = event.before() != null ? event.before() : pendingBefore;
                if (checkBefore && before != null && previous != null && previous.event().op() != Op.DELETE
                        && (op == Op.UPDATE || op == Op.DELETE)) {
                    beforeImages++;
                    List<String> wrong = differing(before, previous.event().after(), floating(plan));
                    if (!wrong.isEmpty()) {
                        badBefore.add(plan.name() + " " + show(key) + ": the before image at " + where(e)
                                + " differs from the row of the event before it (" + where(previous) + ") in "
                                + String.join(", ", wrong));
                    }
                }
                pendingBefore = null;
                ops.add(op);
                kept.add(e);
                previous = e;
            }
            List<Change> want = wanted.getOrDefault(key, List.of());
            if (!accepted(want, ops, resnapshot)) {
                List<Kind> made = kinds(want);
                lost.add(plan.name() + " " + show(key) + ": the harness made " + describe(made.stream().map(EventAudit::word))
                        + ", Kafka has " + (kept.isEmpty() ? "no event" : describe(ops.stream().map(EventAudit::word))
                        + " (" + where(kept.get(0)) + (kept.size() > 1 ? " .. offset " + kept.get(kept.size() - 1).offset() : "")
                        + ")") + (counts(ops, made) ? ": out of order"
                        : ": " + missing(made, ops) + " never reached Kafka (producer hop)"));
            }
        }
        summarize(lost, " key(s) whose events in Kafka do not match the changes made: ");
        summarize(badBefore, " wrong before image(s): ");
    }

    private void summarize(List<String> found, String what) {
        if (!found.isEmpty()) {
            problems.add(found.size() + what + String.join("; ", found.subList(0, Math.min(SHOWN, found.size())))
                    + (found.size() > SHOWN ? "; ... and " + (found.size() - SHOWN) + " more" : ""));
        }
    }

    EventCheck result() {
        List<String> all = new ArrayList<>(problems);
        if (duplicates > 0 && delivery == Delivery.EXACTLY_ONCE) {
            all.add(duplicates + " duplicate event(s), e.g. " + String.join("; ", duplicateSamples)
                    + " (declare " + deliveryKey + ": at_least_once if the pipeline may repeat events)");
        }
        String summary = String.format("Kafka audit: %,d events of %,d keys against the harness's writes: %s, "
                        + "%,d duplicate(s)%s, %,d before image(s) checked%s", events, keys,
                problems.isEmpty() ? "none lost or out of order" : problems.size() + " problem(s)", duplicates,
                duplicates > 0 && delivery == Delivery.AT_LEAST_ONCE ? " (at-least-once: tolerated)" : "",
                beforeImages, skipped.isEmpty() ? "" : "; not audited (too large): " + String.join(", ", skipped));
        return new EventCheck(summary, all);
    }

    /** The changes without the kinds the filters keep out (the rows present at the first snapshot always pass). */
    private static List<Change> withoutFiltered(List<Change> changes, FilterEffects filters) {
        return changes.stream().filter(c -> switch (c.kind()) {
            case INSERT -> c == Change.INITIAL || filters.inserts();
            case UPDATE -> filters.updates();
            case DELETE -> filters.deletes();
        }).toList();
    }

    /** Whether an event of the topic stands for a change of this kind: a snapshot read for an insert, an upsert for either. */
    private static boolean matches(Kind wanted, Op seen) {
        return switch (seen) {
            case READ, INSERT -> wanted == Kind.INSERT;
            case UPDATE -> wanted == Kind.UPDATE;
            case UPSERT -> wanted != Kind.DELETE;
            case DELETE -> wanted == Kind.DELETE;
            case UPDATE_BEFORE -> false;
        };
    }

    /**
     * Whether the events seen account for the changes wanted. Changes made before the table was first
     * in sync: the snapshot read of the row (its first event: a read, or an insert or upsert in
     * formats that cannot tell) may stand for all of them up to the version it read, and a row deleted
     * before the snapshot reached it has no event at all.
     *
     * @param resnapshot the producer was started again and read a new snapshot (see {@link #subsequence})
     */
    static boolean accepted(List<Change> want, List<Op> seen, boolean resnapshot) {
        int beforeSync = 0;
        while (beforeSync < want.size() && want.get(beforeSync).beforeSync()) {
            beforeSync++;
        }
        Op first = seen.isEmpty() ? null : seen.get(0);
        if (beforeSync > 0 && (first == Op.READ || first == Op.INSERT || first == Op.UPSERT)) {
            for (int k = 0; k < beforeSync; k++) {
                if (want.get(k).kind() != Kind.DELETE
                        && subsequence(kinds(want.subList(k + 1, want.size())), seen.subList(1, seen.size()), resnapshot)) {
                    return true;
                }
            }
        }
        for (int k = 0; k < beforeSync; k++) {
            if (want.get(k).kind() == Kind.DELETE && subsequence(kinds(want.subList(k + 1, want.size())), seen, resnapshot)) {
                return true;
            }
        }
        return subsequence(kinds(want), seen, resnapshot);
    }

    /** What each change did, before the table was in sync or after. */
    private static List<Kind> kinds(List<Change> changes) {
        return changes.stream().map(Change::kind).toList();
    }

    /**
     * Whether every wanted change appears in the seen ones, in order (others may lie between). After
     * the producer was started again ({@code resnapshot}: it reads a new snapshot), a snapshot read
     * stands for the changes up to the version it read: any run of the next wanted changes that leaves
     * the row present (or none, a read of a version already accounted for). Which run is not known
     * (the read of a row inserted and updated while the producer was down, then updated again, is
     * followed by an update that may be either), so each is tried.
     */
    static boolean subsequence(List<Kind> wanted, List<Op> seen, boolean resnapshot) {
        return new Matcher(wanted, seen, resnapshot).from(0, 0);
    }

    /** The search of {@link #subsequence}, remembering the positions (seen, wanted) from which it fails. */
    private record Matcher(List<Kind> wanted, List<Op> seen, boolean resnapshot, Set<Long> failed) {
        Matcher(List<Kind> wanted, List<Op> seen, boolean resnapshot) {
            this(wanted, seen, resnapshot, new java.util.HashSet<>());
        }

        boolean from(int i, int j) {
            while (i < seen.size() && j < wanted.size() && !(resnapshot && seen.get(i) == Op.READ)) {
                j += matches(wanted.get(j), seen.get(i)) ? 1 : 0; // other events: the earliest match is as good as any
                i++;
            }
            if (j == wanted.size()) {
                return true;
            }
            if (i == seen.size() || failed.contains((long) i << 32 | j)) {
                return false;
            }
            boolean found = from(i + 1, j);
            for (int k = j; k < wanted.size() && !found; k++) {
                found = wanted.get(k) != Kind.DELETE && from(i + 1, k + 1);
            }
            if (!found) {
                failed.add((long) i << 32 | j);
            }
            return found;
        }
    }

    /**
     * Whether the seen events hold at least as many of each kind as wanted, a snapshot read counting as
     * an insert and an upsert as either (then the order is wrong, not a loss).
     */
    private static boolean counts(List<Op> seen, List<Kind> wanted) {
        long upserts = seen.stream().filter(op -> op == Op.UPSERT).count();
        long shortfall = 0;
        for (Kind kind : Kind.values()) {
            long need = wanted.stream().filter(k -> k == kind).count()
                    - seen.stream().filter(op -> op != Op.UPSERT && matches(kind, op)).count();
            if (need > 0) {
                if (kind == Kind.DELETE) {
                    return false;
                }
                shortfall += need;
            }
        }
        return shortfall <= upserts;
    }

    /** The wanted changes left over after the seen ones are matched in order, as words. */
    private static String missing(List<Kind> wanted, List<Op> seen) {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (Kind kind : wanted) {
            while (i < seen.size() && !matches(kind, seen.get(i))) {
                i++;
            }
            if (i < seen.size()) {
                i++;
            } else {
                out.add(word(kind));
            }
        }
        return String.join(" and ", out.stream().distinct().map(w -> out.stream().filter(w::equals).count() > 1
                ? out.stream().filter(w::equals).count() + " " + w + "s" : (w.equals("insert") || w.equals("update")
                ? "an " : "a ") + w).toList());
    }

    private static String describe(java.util.stream.Stream<String> words) {
        List<String> all = words.toList();
        return all.isEmpty() ? "no change" : "[" + String.join(", ", all) + "]";
    }

    private static String word(Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String word(Op op) {
        return switch (op) {
            case READ -> "snapshot read";
            case INSERT -> "insert";
            case UPDATE -> "update";
            case DELETE -> "delete";
            case UPSERT -> "upsert";
            case UPDATE_BEFORE -> "before image";
        };
    }

    private static boolean same(ChangeEvent a, ChangeEvent b) {
        return a.op() == b.op() && sameRow(a.after(), b.after()) && sameRow(a.before(), b.before());
    }

    private static boolean sameRow(Map<String, Object> a, Map<String, Object> b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.keySet().equals(b.keySet()) && differing(a, b, Set.of()).isEmpty();
    }

    /** The plan's FLOAT and DOUBLE columns (lower case): compared with a tolerance. */
    private static Set<String> floating(ComparisonPlan plan) {
        Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i < plan.sourceColumns().size(); i++) {
            io.cdctest.check.ValueKind kind = plan.kinds().get(i);
            if (kind == io.cdctest.check.ValueKind.FLOAT || kind == io.cdctest.check.ValueKind.DOUBLE) {
                out.add(plan.sourceColumns().get(i).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** Columns of {@code before} whose value differs in {@code row} (columns {@code row} lacks are not compared). */
    private static List<String> differing(Map<String, Object> before, Map<String, Object> row, Set<String> floating) {
        List<String> out = new ArrayList<>();
        if (row == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : before.entrySet()) {
            boolean approximate = floating.contains(e.getKey().toLowerCase(java.util.Locale.ROOT));
            if (row.containsKey(e.getKey()) && !equal(e.getValue(), row.get(e.getKey()), approximate)) {
                out.add(e.getKey() + " (before " + shown(e.getValue()) + ", row " + shown(row.get(e.getKey())) + ")");
            }
        }
        return out;
    }

    /**
     * Equal values of one column in two events. Floating point within a relative 1e-5 (six
     * significant digits): the snapshot reads a MariaDB FLOAT through the text protocol, which
     * gives six digits (23598.4), while the binlog carries the stored float (23598.36).
     */
    private static boolean equal(Object a, Object b, boolean approximate) {
        if (approximate && a != null && b != null) {
            try {
                double x = Double.parseDouble(String.valueOf(a));
                double y = Double.parseDouble(String.valueOf(b));
                return x == y || Math.abs(x - y) <= 1e-5 * Math.max(Math.abs(x), Math.abs(y));
            } catch (NumberFormatException e) {
                // not numbers after all: compared as they are
            }
        }
        return Objects.deepEquals(normal(a), normal(b));
    }

    private static String shown(Object value) {
        String text = value instanceof byte[] bytes ? "0x" + java.util.HexFormat.of().formatHex(bytes) : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static Object normal(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return value instanceof byte[] bytes ? Arrays.copyOf(bytes, bytes.length) : value;
    }

    private static String where(TopicSnapshot.Last e) {
        return "partition " + e.partition() + " offset " + e.offset();
    }

    /** {@code id=1} or {@code (pk1=1, pk2=a)}: the key's canonical values as they are. */
    private static String show(RowKey key) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            parts.add(key.columns().get(i) + "=" + key.values().get(i));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }
}

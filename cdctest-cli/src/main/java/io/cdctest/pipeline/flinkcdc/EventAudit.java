package io.cdctest.pipeline.flinkcdc;

import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.EventCheck;
import io.cdctest.check.FilterEffects;
import io.cdctest.format.ChangeEvent;
import io.cdctest.spec.FlinkCdcSpec;
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

    private final FlinkCdcSpec.Delivery delivery;
    private final List<String> problems = new ArrayList<>();
    private final List<String> duplicateSamples = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private long events;
    private long keys;
    private long duplicates;
    private long beforeImages;

    private final boolean resnapshot;

    /** @param resnapshot the producer was started again (a fault step) and read a new snapshot */
    EventAudit(FlinkCdcSpec.Delivery delivery, boolean resnapshot) {
        this.delivery = delivery;
        this.resnapshot = resnapshot;
    }

    /**
     * @param expected the harness's changes per key (canonical key values to {@code i}/{@code u}/{@code d})
     */
    void check(ComparisonPlan plan, TopicSnapshot topic, Map<List<String>, String> expected, FilterEffects filters) {
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
        Map<String, String> wanted = new HashMap<>();
        expected.forEach((key, changes) -> wanted.put(String.join("\u0001", key.stream().map(String::valueOf).toList()),
                withoutFiltered(changes, filters)));
        Set<String> all = new LinkedHashSet<>(wanted.keySet());
        all.addAll(topic.events().keySet());
        boolean checkBefore = filters.none();
        List<String> lost = new ArrayList<>();
        List<String> badBefore = new ArrayList<>();
        for (String key : all) {
            keys++;
            List<TopicSnapshot.Last> seen = topic.events().getOrDefault(key, List.of());
            StringBuilder ops = new StringBuilder();
            List<TopicSnapshot.Last> kept = new ArrayList<>();
            TopicSnapshot.Last previous = null;
            Map<String, Object> pendingBefore = null;
            for (TopicSnapshot.Last e : seen) {
                ChangeEvent event = e.event();
                if (event.op() == ChangeEvent.Op.UPDATE_BEFORE) {
                    pendingBefore = event.before();
                    continue;
                }
                if (previous != null && same(previous.event(), event)) {
                    duplicates++;
                    if (duplicateSamples.size() < SHOWN) {
                        duplicateSamples.add(plan.name() + " " + show(plan, key) + " at " + where(e) + " repeats " + where(previous));
                    }
                    continue;
                }
                char op = op(event.op());
                Map<String, Object> before = event.before() != null ? event.before() : pendingBefore;
                if (checkBefore && before != null && previous != null && previous.event().op() != ChangeEvent.Op.DELETE
                        && (op == 'u' || op == 'd')) {
                    beforeImages++;
                    List<String> wrong = differing(before, previous.event().after(), floating(plan));
                    if (!wrong.isEmpty()) {
                        badBefore.add(plan.name() + " " + show(plan, key) + ": the before image at " + where(e)
                                + " differs from the row of the event before it (" + where(previous) + ") in "
                                + String.join(", ", wrong));
                    }
                }
                pendingBefore = null;
                ops.append(op);
                kept.add(e);
                previous = e;
            }
            String want = wanted.getOrDefault(key, "");
            if (!accepted(want, ops.toString(), resnapshot)) {
                lost.add(plan.name() + " " + show(plan, key) + ": the harness made " + describe(lower(want)) + ", Kafka has "
                        + (kept.isEmpty() ? "no event" : describe(ops.toString()) + " (" + where(kept.get(0))
                        + (kept.size() > 1 ? " .. offset " + kept.get(kept.size() - 1).offset() : "") + ")")
                        + (counts(ops.toString(), lower(want)) ? ": out of order"
                        : ": " + missing(lower(want), ops.toString()) + " never reached Kafka (producer hop)"));
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
        if (duplicates > 0 && delivery == FlinkCdcSpec.Delivery.EXACTLY_ONCE) {
            all.add(duplicates + " duplicate event(s), e.g. " + String.join("; ", duplicateSamples)
                    + " (declare flink_cdc.delivery: at_least_once if the pipeline may repeat events)");
        }
        String summary = String.format("Kafka audit: %,d events of %,d keys against the harness's writes: %s, "
                        + "%,d duplicate(s)%s, %,d before image(s) checked%s", events, keys,
                problems.isEmpty() ? "none lost or out of order" : problems.size() + " problem(s)", duplicates,
                duplicates > 0 && delivery == FlinkCdcSpec.Delivery.AT_LEAST_ONCE ? " (at-least-once: tolerated)" : "",
                beforeImages, skipped.isEmpty() ? "" : "; not audited (too large): " + String.join(", ", skipped));
        return new EventCheck(summary, all);
    }

    /** The changes without the kinds the filters keep out (snapshot reads always pass). */
    private static String withoutFiltered(String changes, FilterEffects filters) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < changes.length(); i++) {
            char c = changes.charAt(i);
            char kind = Character.toLowerCase(c == 'N' ? 'i' : c);
            if ((kind == 'i' && c != 'I' && !filters.inserts()) || (kind == 'u' && !filters.updates())
                    || (kind == 'd' && !filters.deletes())) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static char op(ChangeEvent.Op op) {
        return switch (op) {
            case READ -> 'r';
            case INSERT -> 'i';
            case UPDATE -> 'u';
            case UPSERT -> 'p';
            case DELETE -> 'd';
            case UPDATE_BEFORE -> throw new IllegalArgumentException("paired with its update");
        };
    }

    private static boolean matches(char wanted, char seen) {
        return wanted == seen || (seen == 'r' && wanted == 'i') || (seen == 'p' && (wanted == 'i' || wanted == 'u'));
    }

    /**
     * Whether the events seen account for the changes wanted. Changes in capitals were made before
     * the table was first in sync: the snapshot read of the row (its first event: a read, or an
     * insert or upsert in formats that cannot tell) may stand for all of them up to the version it
     * read, and a row deleted before the snapshot reached it has no event at all.
     */
    static boolean accepted(String want, String seen) {
        return accepted(want, seen, false);
    }

    static boolean accepted(String want, String seen, boolean resnapshot) {
        int upper = 0;
        while (upper < want.length() && Character.isUpperCase(want.charAt(upper))) {
            upper++;
        }
        if (upper > 0 && !seen.isEmpty() && "rip".indexOf(seen.charAt(0)) >= 0) {
            for (int k = 0; k < upper; k++) {
                if (want.charAt(k) != 'D' && subsequence(lower(want.substring(k + 1)), seen.substring(1), resnapshot)) {
                    return true;
                }
            }
        }
        for (int k = 0; k < upper; k++) {
            if (want.charAt(k) == 'D' && subsequence(lower(want.substring(k + 1)), seen, resnapshot)) {
                return true;
            }
        }
        return subsequence(lower(want), seen, resnapshot);
    }

    /** Changes without the before-sync marks: I and N are inserts, U and D updates and deletes. */
    static String lower(String changes) {
        return changes.replace('I', 'i').replace('N', 'i').toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether every wanted change appears in the seen ones, in order (others may lie between). After
     * the producer was started again ({@code resnapshot}: it reads a new snapshot), a snapshot read
     * stands for the changes up to the version it read: those before the next seen event, through the
     * last one that leaves the row present.
     */
    static boolean subsequence(String wanted, CharSequence seen, boolean resnapshot) {
        int j = 0;
        for (int i = 0; i < seen.length() && j < wanted.length(); i++) {
            char c = seen.charAt(i);
            if (c == 'r' && resnapshot) {
                int next = i + 1 < seen.length() ? seen.charAt(i + 1) : -1;
                int lastPresent = -1;
                for (int k = j; k < wanted.length() && (k == j || next < 0 || !matches(wanted.charAt(k), (char) next)); k++) {
                    if (wanted.charAt(k) != 'd') {
                        lastPresent = k;
                    }
                }
                if (lastPresent >= 0) {
                    j = lastPresent + 1;
                }
            } else if (matches(wanted.charAt(j), c)) {
                j++;
            }
        }
        return j == wanted.length();
    }

    /** Whether the seen changes hold at least as many of each kind as wanted (then the order is wrong, not a loss). */
    private static boolean counts(String seenWithReads, String wanted) {
        String seen = seenWithReads.replace('r', 'i');
        long upserts = seen.chars().filter(c -> c == 'p').count();
        long shortfall = 0;
        for (char c : new char[] {'i', 'u', 'd'}) {
            long need = wanted.chars().filter(x -> x == c).count() - seen.chars().filter(x -> x == c).count();
            if (need > 0) {
                if (c == 'd') {
                    return false;
                }
                shortfall += need;
            }
        }
        return shortfall <= upserts;
    }

    /** The wanted changes left over after the seen ones are matched in order, as words. */
    private static String missing(String wanted, String seen) {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (char c : wanted.toCharArray()) {
            while (i < seen.length() && !matches(c, seen.charAt(i))) {
                i++;
            }
            if (i < seen.length()) {
                i++;
            } else {
                out.add(word(c));
            }
        }
        return String.join(" and ", out.stream().distinct().map(w -> out.stream().filter(w::equals).count() > 1
                ? out.stream().filter(w::equals).count() + " " + w + "s" : (w.equals("insert") || w.equals("update")
                ? "an " : "a ") + w).toList());
    }

    private static String describe(String changes) {
        if (changes.isEmpty()) {
            return "no change";
        }
        List<String> words = new ArrayList<>();
        for (char c : changes.toCharArray()) {
            words.add(word(c));
        }
        return "[" + String.join(", ", words) + "]";
    }

    private static String word(char c) {
        return switch (c) {
            case 'r' -> "snapshot read";
            case 'i' -> "insert";
            case 'u' -> "update";
            case 'd' -> "delete";
            default -> "upsert";
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

    private static String show(ComparisonPlan plan, String key) {
        String[] values = key.split("\u0001", -1);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < plan.keyCount() && i < values.length; i++) {
            parts.add(plan.sourceColumns().get(i) + "=" + values[i]);
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }
}

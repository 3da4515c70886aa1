package io.cdctest.check;

import io.cdctest.sql.Column;
import io.cdctest.sql.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What one comparison compares: a table on each side (renamed and filtered as mapped), the column
 * pairs and their {@link ValueKind}, key columns first. Built from both sides' definitions.
 *
 * @param name     the name shown in results (the source table, or the mapping's)
 * @param keyCount how many leading columns form the primary key
 * @param problems reasons the rows cannot be compared (missing table, no key, missing column)
 * @param targetConstants target columns with a fixed value for this source table (many-to-one mappings)
 * @param enums           columns that are an ENUM on one side and its index (an integer) on the other,
 *                        by column position: the index is compared as its label
 */
public record ComparisonPlan(String name, TableRef source, TableRef target, List<String> sourceColumns,
                             List<String> targetColumns, List<ValueKind> kinds, int keyCount, List<String> problems,
                             java.util.Map<String, String> targetConstants, java.util.Map<Integer, EnumIndex> enums) {

    /** An ENUM's labels, and which side holds the 1-based index instead of the label. */
    public record EnumIndex(List<String> labels, boolean indexOnSource) {
        /** The label for an index text ({@code 0}, MySQL's value for an invalid label, is the empty string). */
        String label(String index) {
            try {
                int i = Integer.parseInt(index.trim());
                return i == 0 ? "" : i <= labels.size() ? labels.get(i - 1) : index;
            } catch (NumberFormatException e) {
                return index;
            }
        }
    }

    public ComparisonPlan withTargetConstants(java.util.Map<String, String> constants) {
        return new ComparisonPlan(name, source, target, sourceColumns, targetColumns, kinds, keyCount, problems,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constants)), enums);
    }

    /** A canonical value of column {@code i} as compared: an ENUM index becomes its label. */
    String compared(int i, boolean sourceSide, String canonical) {
        EnumIndex e = enums.get(i);
        return e == null || canonical == null || e.indexOnSource() != sourceSide ? canonical : e.label(canonical);
    }

    public boolean comparable() {
        return problems.isEmpty();
    }

    public List<String> keyColumns() {
        return sourceColumns.subList(0, keyCount);
    }

    public ValueKind[] kindArray() {
        return kinds.toArray(ValueKind[]::new);
    }

    /**
     * Pairs the columns of two tables by name (case-insensitive).
     *
     * @param include only these non-key columns (empty: all)
     * @param exclude never these columns
     */
    public static ComparisonPlan build(String name, TableRef source, Optional<TableSchema> sourceSchema, TableRef target,
                                       Optional<TableSchema> targetSchema, List<String> include, List<String> exclude) {
        List<String> problems = new ArrayList<>();
        if (sourceSchema.isEmpty()) {
            problems.add("table " + source.database() + "." + source.table() + " does not exist on the source");
        }
        if (targetSchema.isEmpty()) {
            problems.add("table " + target.database() + "." + target.table() + " does not exist on the target");
        }
        if (!problems.isEmpty()) {
            return new ComparisonPlan(name, source, target, List.of(), List.of(), List.of(), 0, problems, java.util.Map.of(), java.util.Map.of());
        }
        TableSchema s = sourceSchema.get();
        TableSchema t = targetSchema.get();
        List<Column> key = s.primaryKey();
        if (key.isEmpty()) {
            problems.add("table " + s.table() + " has no primary key on the source; rows cannot be matched");
            return new ComparisonPlan(name, source, target, List.of(), List.of(), List.of(), 0, problems, java.util.Map.of(), java.util.Map.of());
        }
        Set<String> only = lower(include);
        Set<String> never = lower(exclude);
        List<Column> ordered = new ArrayList<>(key);
        s.columns().stream().filter(c -> !c.primaryKey())
                .filter(c -> only.isEmpty() || only.contains(c.name().toLowerCase(Locale.ROOT)))
                .filter(c -> !never.contains(c.name().toLowerCase(Locale.ROOT)))
                .forEach(ordered::add);
        List<String> sourceColumns = new ArrayList<>();
        List<String> targetColumns = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        java.util.Map<Integer, EnumIndex> enums = new java.util.HashMap<>();
        for (Column column : ordered) {
            Optional<Column> other = t.column(column.name());
            if (other.isEmpty()) {
                problems.add("column " + column.name() + " is missing in the target table " + t.table());
                continue;
            }
            ValueKind sourceKind = ValueKind.of(column.dataType(), column.columnType());
            ValueKind targetKind = ValueKind.of(other.get().dataType(), other.get().columnType());
            if (column.dataType().equals("enum") && targetKind == ValueKind.INTEGER) {
                enums.put(sourceColumns.size(), new EnumIndex(labels(column.columnType()), false));
                sourceKind = targetKind = ValueKind.TEXT;
            } else if (other.get().dataType().equals("enum") && sourceKind == ValueKind.INTEGER) {
                enums.put(sourceColumns.size(), new EnumIndex(labels(other.get().columnType()), true));
                sourceKind = targetKind = ValueKind.TEXT;
            }
            sourceColumns.add(column.name());
            targetColumns.add(other.get().name());
            kinds.add(ValueKind.reconcile(sourceKind, targetKind));
        }
        return new ComparisonPlan(name, source, target, List.copyOf(sourceColumns), List.copyOf(targetColumns),
                List.copyOf(kinds), key.size(), List.copyOf(problems), java.util.Map.of(), java.util.Map.copyOf(enums));
    }

    /** The labels of {@code enum('a','b')}, in order. */
    static List<String> labels(String columnType) {
        List<String> labels = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'((?:[^']|'')*)'").matcher(columnType);
        while (m.find()) {
            labels.add(m.group(1).replace("''", "'"));
        }
        return labels;
    }

    private static Set<String> lower(List<String> names) {
        return names == null ? Set.of() : names.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
    }
}

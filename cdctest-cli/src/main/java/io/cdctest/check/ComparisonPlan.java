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
 */
public record ComparisonPlan(String name, TableRef source, TableRef target, List<String> sourceColumns,
                             List<String> targetColumns, List<ValueKind> kinds, int keyCount, List<String> problems,
                             java.util.Map<String, String> targetConstants) {

    public ComparisonPlan withTargetConstants(java.util.Map<String, String> constants) {
        return new ComparisonPlan(name, source, target, sourceColumns, targetColumns, kinds, keyCount, problems,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constants)));
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
            return new ComparisonPlan(name, source, target, List.of(), List.of(), List.of(), 0, problems, java.util.Map.of());
        }
        TableSchema s = sourceSchema.get();
        TableSchema t = targetSchema.get();
        List<Column> key = s.primaryKey();
        if (key.isEmpty()) {
            problems.add("table " + s.table() + " has no primary key on the source; rows cannot be matched");
            return new ComparisonPlan(name, source, target, List.of(), List.of(), List.of(), 0, problems, java.util.Map.of());
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
        for (Column column : ordered) {
            Optional<Column> other = t.column(column.name());
            if (other.isEmpty()) {
                problems.add("column " + column.name() + " is missing in the target table " + t.table());
                continue;
            }
            sourceColumns.add(column.name());
            targetColumns.add(other.get().name());
            kinds.add(ValueKind.reconcile(ValueKind.of(column.dataType(), column.columnType()),
                    ValueKind.of(other.get().dataType(), other.get().columnType())));
        }
        return new ComparisonPlan(name, source, target, List.copyOf(sourceColumns), List.copyOf(targetColumns),
                List.copyOf(kinds), key.size(), List.copyOf(problems), java.util.Map.of());
    }

    private static Set<String> lower(List<String> names) {
        return names == null ? Set.of() : names.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
    }
}

package io.cdctest.pipeline.flinkcdc.consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.format.ChangeEvent;
import io.cdctest.pipeline.flinkcdc.FlinkCdcSpec;
import io.cdctest.spec.Origin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The consumer's many-to-one routing: an event of a table matching a route goes to the route's
 * sink table, with the source database and table names added as columns. Routes travel to the
 * consumer (and to custom commands) as JSON in {@code CDCTEST_ROUTES}.
 */
public final class Routes {
    public static final String ENV = "CDCTEST_ROUTES";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FlinkCdcSpec.Route> routes;
    private final List<Pattern> patterns;

    public Routes(List<FlinkCdcSpec.Route> routes) {
        this.routes = List.copyOf(routes);
        this.patterns = routes.stream().map(FlinkCdcSpec.Route::pattern).toList();
    }

    /** The routes of {@code CDCTEST_ROUTES} (none when unset). */
    public static Routes fromEnvironment(Map<String, String> env) {
        String json = env.get(ENV);
        if (json == null || json.isBlank()) {
            return new Routes(List.of());
        }
        try {
            List<Map<String, String>> list = JSON.readValue(json, new TypeReference<>() { });
            List<FlinkCdcSpec.Route> routes = new ArrayList<>();
            for (Map<String, String> r : list) {
                routes.add(new FlinkCdcSpec.Route(r.get("source_table"), r.get("sink_table"), r.get("source_database_column"),
                        r.get("source_table_column"), Origin.commandLine(ENV)));
            }
            return new Routes(routes);
        } catch (IOException e) {
            throw new IllegalArgumentException(ENV + ": not a JSON list of routes: " + e.getMessage(), e);
        }
    }

    /** The JSON for {@code CDCTEST_ROUTES}. */
    public static String toJson(List<FlinkCdcSpec.Route> routes) {
        List<Map<String, String>> list = new ArrayList<>();
        for (FlinkCdcSpec.Route r : routes) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("source_table", r.sourceTable());
            m.put("sink_table", r.sinkTable());
            m.put("source_database_column", r.sourceDatabaseColumn());
            m.put("source_table_column", r.sourceTableColumn());
            list.add(m);
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<FlinkCdcSpec.Route> routes() {
        return routes;
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    /** The table an event of {@code database.table} is written to. */
    public String sink(String database, String table) {
        FlinkCdcSpec.Route route = route(database, table);
        return route == null ? table : route.sinkTable();
    }

    /** The event as its sink table receives it (unchanged when no route matches). */
    public ChangeEvent apply(ChangeEvent event) {
        FlinkCdcSpec.Route route = route(event.database(), event.table());
        if (route == null) {
            return event;
        }
        return new ChangeEvent(event.database(), route.sinkTable(), event.op(), widen(route, event, event.before()),
                widen(route, event, event.after()), event.source());
    }

    private FlinkCdcSpec.Route route(String database, String table) {
        String name = database + "." + table;
        for (int i = 0; i < routes.size(); i++) {
            if (patterns.get(i).matcher(name).matches()) {
                return routes.get(i);
            }
        }
        return null;
    }

    private static Map<String, Object> widen(FlinkCdcSpec.Route route, ChangeEvent event, Map<String, Object> image) {
        if (image == null) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        if (route.sourceDatabaseColumn() != null) {
            row.put(route.sourceDatabaseColumn(), event.database());
        }
        if (route.sourceTableColumn() != null) {
            row.put(route.sourceTableColumn(), event.table());
        }
        row.putAll(image);
        return row;
    }
}

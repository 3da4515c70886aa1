package io.cdctest.pipeline.matrixone;

import io.cdctest.spec.Engine;
import io.cdctest.spec.Origin;
import io.cdctest.spec.load.MapReader;
import io.cdctest.spec.load.PipelineBlocks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the {@code cdc_config:} block of the MatrixOne pipelines (optional: every key has a default),
 * whose task runs on the source: a MatrixOne.
 */
final class CdcConfigLoader {
    /** The top-level keys the MatrixOne pipelines own. */
    static final Set<String> KEYS = Set.of("cdc_config");

    private CdcConfigLoader() {
    }

    /**
     * The block, after the engines: a MatrixOne source (the task runs there) and a target the kind takes
     * ({@code wanted} says which, in the error).
     */
    static CdcConfig read(PipelineBlocks scenario, Predicate<Engine> target, String wanted) {
        scenario.requireEngine(scenario.source(), e -> e == Engine.MATRIXONE, "matrixone");
        scenario.requireEngine(scenario.target(), target, wanted);
        return scenario.block("cdc_config").map(r -> cdcConfig(r, scenario.originOf("cdc_config"))).orElse(CdcConfig.DEFAULT);
    }

    private static CdcConfig cdcConfig(MapReader r, Origin origin) {
        r.legacy("sync_mode", "not used: MatrixOne CDC tasks are always continuous");
        r.legacy("tables", "not used: the replicated tables are data.tables");
        r.legacy("batch_size", "not used by MatrixOne's CREATE CDC");
        r.legacy("network_compression", "not used");
        r.legacy("type_mapping", "not used: MatrixOne's sink creates the target tables with its own types, and "
                + "validate_sync compares values after type normalisation (CONFIGURATION.md#type-normalisation)");
        String level = r.string("level", null);
        String syncLevel = r.string("sync_level", null);
        if (level == null) {
            level = syncLevel == null ? "database" : syncLevel;
        }
        if (!Set.of("account", "database", "table").contains(level)) {
            throw r.error(r.has("level") ? "level" : "sync_level", "expected account, database or table, got '" + level + "'");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, String> key : CdcConfig.OPTION_KEYS.entrySet()) {
            r.string(key.getKey()).ifPresent(v -> options.put(key.getValue(), v));
        }
        int pitrHours = r.integer("pitr_hours", 2);
        if (pitrHours < 2) {
            throw r.error("pitr_hours", "MatrixOne CDC needs a PITR of at least 2 hours, got " + pitrHours);
        }
        String sinkHost = r.string("sink_host", null);
        Integer sinkPort = r.has("sink_port") ? port(r, "sink_port") : null;
        String sourceHost = r.string("source_host", null);
        Integer sourcePort = r.has("source_port") ? port(r, "source_port") : null;
        Integer syncInterval = r.has("sync_interval") ? r.positiveInteger("sync_interval", 10) : null;
        String subscribers = r.string("subscriber_accounts", null);
        String publisher = r.string("publisher_account", null);
        String metricsUrl = r.string("metrics_url", null);
        if (metricsUrl != null && !metricsUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw r.error("metrics_url", "expected an http:// or https:// URL, got '" + metricsUrl + "'");
        }
        r.finish();
        return new CdcConfig(level, Collections.unmodifiableMap(options), pitrHours, sinkHost, sinkPort, sourceHost,
                sourcePort, syncInterval, subscribers, publisher, metricsUrl, origin);
    }

    /** A TCP port a server dials: 1 to 65535. */
    private static int port(MapReader r, String key) {
        int port = r.integer(key, 0);
        if (port < 1 || port > 65535) {
            throw r.error(key, "expected a port between 1 and 65535, got " + port);
        }
        return port;
    }
}

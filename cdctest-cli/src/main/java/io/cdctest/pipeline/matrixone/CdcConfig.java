package io.cdctest.pipeline.matrixone;

import io.cdctest.spec.Origin;
import io.cdctest.spec.PipelineSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code cdc_config:} block, read by the MatrixOne pipelines (native CDC and CCPR).
 *
 * @param level          account, database (default) or table; the earlier tool's {@code sync_level} too
 * @param options        further CREATE CDC options by MatrixOne's own names (Exclude, StartTs, EndTs,
 *                       NoFull, MaxSqlLength, SendSqlTimeout, Frequency, InitSnapshotSplitTxn)
 * @param pitrHours      length of the PITR created for CDC (at least 2)
 * @param sinkHost       the target's host as the MatrixOne server sees it (a Docker service name, say); default: target.host
 * @param sinkPort       the target's port as the MatrixOne server sees it; default: target.port
 * @param sourceHost     the source's host as the MatrixOne server sees it (CDC source URI, CCPR upstream URI)
 * @param sourcePort     the source's port as the MatrixOne server sees it
 * @param syncInterval   CCPR {@code SYNC INTERVAL} in seconds, or null
 * @param subscriberAccounts CCPR: the ACCOUNT list of the publication, or null: ALL from sys (only sys may
 *                           publish to all), {@code sys} from another account (the subscription logs in as a sys user)
 * @param publisherAccount   CCPR: the upstream account that owns the publication (default: source.account, else sys)
 * @param origin         where the block is, or null when the scenario has none (then every key is its default)
 * @param metricsUrl     the Prometheus endpoint of the MatrixOne that runs the task (its CN's status port),
 *                       read for errors MatrixOne cannot record in its tables; default
 *                       {@code http://<source host>:7001/metrics}
 */
public record CdcConfig(String level, Map<String, String> options, int pitrHours, String sinkHost, Integer sinkPort,
                        String sourceHost, Integer sourcePort, Integer syncInterval, String subscriberAccounts,
                        String publisherAccount, String metricsUrl, Origin origin) implements PipelineSettings {

    public static final CdcConfig DEFAULT = new CdcConfig("database", Map.of(), 2, null, null, null, null, null, null, null,
            null, null);

    /** CREATE CDC option names and the keys they come from. */
    public static final Map<String, String> OPTION_KEYS = optionKeys();

    private static Map<String, String> optionKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("exclude", "Exclude");
        keys.put("start_ts", "StartTs");
        keys.put("end_ts", "EndTs");
        keys.put("no_full", "NoFull");
        keys.put("max_sql_length", "MaxSqlLength");
        keys.put("send_sql_timeout", "SendSqlTimeout");
        keys.put("frequency", "Frequency");
        keys.put("init_snapshot_split_txn", "InitSnapshotSplitTxn");
        return keys;
    }
}

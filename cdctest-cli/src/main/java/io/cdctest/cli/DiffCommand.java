package io.cdctest.cli;

import io.cdctest.CdctestException;
import io.cdctest.check.DiffOptions;
import io.cdctest.run.DiffRunner;
import io.cdctest.spec.Side;
import io.cdctest.spec.TableMapping;
import io.cdctest.spec.load.Interpolator;
import io.cdctest.spec.load.MappingLoader;
import io.cdctest.sql.EndpointUrl;
import io.cdctest.sql.JdbcEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cdctest diff}: compare tables of two databases, row by row, and say exactly what differs. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare tables of two databases with the consistency engine; exit 0 equal, 1 different.",
            "Passwords: CDCTEST_SOURCE_PASSWORD and CDCTEST_TARGET_PASSWORD (a password in a URL shows in the process list)."})
public final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @ParentCommand
    CdctestCommand root;

    @Option(names = "--source", required = true, paramLabel = "<url>",
            description = "mysql://user@host:port/database (also mariadb://, matrixone://, jdbc:mysql://).")
    String source;
    @Option(names = "--target", required = true, paramLabel = "<url>", description = "Same form as --source.")
    String target;
    @Option(names = "--tables", split = ",", description = "Tables to compare; default: every table of the source database.")
    List<String> tables = new ArrayList<>();
    @Option(names = "--mapping", paramLabel = "<file>", description = "YAML file mapping source tables (renames, "
            + "patterns for sharded tables, column subsets, row filters) to target tables.")
    Path mapping;
    @Option(names = "--mode", defaultValue = "auto", description = "auto, pushdown (checksums in the databases) or java "
            + "(rows hashed in cdctest; any engine pair). Default: ${DEFAULT-VALUE}.")
    String mode;
    @Option(names = "--max-differences", defaultValue = "1000", description = "Differing rows to collect per table "
            + "(default: ${DEFAULT-VALUE}).")
    int maxDifferences;
    @Option(names = "--max-time", defaultValue = "1h", description = "Time budget per table; when it runs out the verdict "
            + "is unknown (default: ${DEFAULT-VALUE}).")
    String maxTime;
    @Option(names = "--chunk-rows", defaultValue = "50000", description = "Rows per checksummed chunk (default: ${DEFAULT-VALUE}).")
    long chunkRows;
    @Option(names = "--report-dir", paramLabel = "<dir>", description = "Reports and fix SQL; default: reports/<time>-diff.")
    Path reportDir;

    @Override
    public Integer call() {
        DiffOptions.Mode m = switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> DiffOptions.Mode.AUTO;
            case "pushdown" -> DiffOptions.Mode.PUSHDOWN;
            case "java" -> DiffOptions.Mode.JAVA;
            default -> throw CdctestException.config("--mode must be auto, pushdown or java, got '" + mode + "'");
        };
        Duration budget = io.cdctest.spec.load.Durations.parse(maxTime)
                .orElseThrow(() -> CdctestException.config("--max-time: expected a duration such as 30s or 10m, got '" + maxTime + "'"));
        if (maxDifferences <= 0 || chunkRows <= 1) {
            throw CdctestException.config("--max-differences must be above 0 and --chunk-rows above 1");
        }
        var env = System.getenv();
        JdbcEndpoint s = EndpointUrl.parse(Side.SOURCE.id(), source, "CDCTEST_SOURCE_PASSWORD", env);
        JdbcEndpoint t = EndpointUrl.parse(Side.TARGET.id(), target, "CDCTEST_TARGET_PASSWORD", env);
        List<TableMapping> mappings = mapping == null ? List.of()
                : new MappingLoader(Interpolator.system(), w -> { }).load(mapping);
        if (mapping != null && !tables.isEmpty()) {
            throw CdctestException.config("give either --tables or --mapping, not both");
        }
        DiffOptions options = DiffOptions.DEFAULT.withMode(m).withMaxDifferences(maxDifferences).withMaxTime(budget)
                .withSizes(DiffOptions.DEFAULT.smallTableRows(), chunkRows, DiffOptions.DEFAULT.bisectRows());
        Path dir = reportDir != null ? reportDir : Path.of("reports",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-diff");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw CdctestException.config("--report-dir " + dir + ": not writable (" + e.getMessage() + ")");
        }
        var console = root.global.console(spec.commandLine().getOut(), spec.commandLine().getErr());
        return new DiffRunner(console).run(s, t, tables, mappings, options, dir.toAbsolutePath()).exitCode().code();
    }
}

package io.cdctest.cli;

import io.cdctest.generate.Generation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The table printed when {@code cdctest generate} ends. */
final class GenerateSummary {
    private GenerateSummary() {
    }

    static void print(PrintWriter out, List<Generation.TableResult> results, long nanos, Generation.Options options) {
        if (options.indexesOnly()) {
            out.println("created the deferred indexes of " + options.tables().size() + " table(s)");
            return;
        }
        if (options.createOnly()) {
            out.println("created " + options.tables().size() + " table(s), no rows loaded");
            return;
        }
        out.printf(Locale.ROOT, "%-28s %12s %10s %12s  %s%n", "TABLE", "ROWS", "TIME", "ROWS/S", "METHOD");
        long rows = 0;
        for (Generation.TableResult r : results) {
            out.printf(Locale.ROOT, "%-28s %12d %9.1fs %12.0f  %s%n", r.table(), r.rows(),
                    r.duration().toMillis() / 1000.0, r.rowsPerSecond(), r.method().name().toLowerCase(Locale.ROOT));
            rows += r.rows();
        }
        double seconds = nanos / 1e9;
        out.printf(Locale.ROOT, "%-28s %12d %9.1fs %12.0f%n", "total", rows, seconds, seconds == 0 ? 0 : rows / seconds);
    }
}

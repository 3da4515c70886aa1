package io.cdctest.cli;

import io.cdctest.generate.Generation;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with rows/s per table on stderr (progressbar library). */
final class ProgressBars implements Generation.Progress {
    private final PrintWriter err;
    private ProgressBar bar;

    ProgressBars(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void start(String table, long rows) {
        bar = new ProgressBarBuilder().setTaskName(table).setInitialMax(rows).setUnit(" rows", 1).showSpeed()
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(new java.io.PrintStream(new WriterStream(err), true)))
                .build();
    }

    @Override
    public synchronized void advance(long rows) {
        if (bar != null) {
            bar.stepBy(rows);
        }
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** Bytes to a PrintWriter, so the bar goes where picocli's stderr goes. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter writer;

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writer.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}

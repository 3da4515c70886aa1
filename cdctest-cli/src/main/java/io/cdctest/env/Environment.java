package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.CdctestHome;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.KafkaSpec;
import io.cdctest.sql.JdbcEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one run stands up, with one owner: databases, Kafka, subprocesses, temporary
 * directories. Closing it stops them in reverse order of starting and deletes the work directory;
 * it is safe to close twice (from the run and from a shutdown hook).
 */
public final class Environment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Environment.class);

    /** Names the process that owns a work directory, so a later run can remove it if that process died. */
    static final String OWNER_FILE = "owner.pid";

    private final CdctestHome home;
    private final Path workDir;
    private final Path logDir;
    private final Deque<Owned> owned = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object closeLock = new Object();

    private record Owned(String name, AutoCloseable resource) {
    }

    /**
     * @param workDir scratch space the run owns (data directories, status files); deleted on close
     * @param logDir  where component logs go (kept: it is part of the report)
     */
    public Environment(CdctestHome home, Path workDir, Path logDir) {
        this.home = home;
        this.workDir = workDir;
        this.logDir = logDir;
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(logDir);
            Files.writeString(workDir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw CdctestException.environment("cannot create " + workDir + " or " + logDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes work directories under {@code parent} whose owning process is gone (a run killed with
     * SIGKILL cannot delete its own). Returns how many were removed.
     */
    public static int sweepStale(Path parent) {
        int removed = 0;
        try (var dirs = Files.list(parent)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("cdctest-")).toList()) {
                Path owner = dir.resolve(OWNER_FILE);
                if (!Files.isRegularFile(owner)) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(Files.readString(owner).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    FileTrees.delete(dir);
                    removed++;
                } catch (IOException | NumberFormatException e) {
                    LOG.debug("cannot sweep {}: {}", dir, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list {}: {}", parent, e.getMessage());
        }
        return removed;
    }

    public CdctestHome home() {
        return home;
    }

    /** A sub-directory of the work directory. */
    public Path workDir(String name) {
        return workDir.resolve(name);
    }

    /** The log file of a component. */
    public Path log(String component) {
        return logDir.resolve(component + ".log");
    }

    /** Takes ownership of a resource: it is closed when the environment closes. */
    public synchronized <T extends AutoCloseable> T own(String name, T resource) {
        if (closed.get()) {
            closeQuietly(new Owned(name, resource));
            throw CdctestException.environment("the run is being torn down; " + name + " was stopped again");
        }
        owned.push(new Owned(name, resource));
        return resource;
    }

    /** Provides the database of an endpoint as the scenario asks: embedded, in a container or external. */
    public DatabaseServer database(Endpoint spec, int serverId) {
        return switch (spec.provision()) {
            case EMBEDDED -> own(spec.role() + " database",
                    EmbeddedMariaDb.start(spec.role().id(), workDir(spec.role() + "-db"), log(spec.role() + "-mariadb"), serverId,
                            spec.port(), List.of()));
            case TESTCONTAINERS -> spec.engine() == io.cdctest.spec.Engine.MATRIXONE
                    ? own(spec.role() + " database", ContainerMatrixOne.start(spec.role().id()))
                    : own(spec.role() + " database", ContainerDatabase.start(spec.role().id(), spec.engine(), serverId));
            case LOCAL -> own(spec.role() + " database", LocalMatrixOne.start(spec, workDir(spec.role() + "-matrixone"),
                    log(spec.role() + "-matrixone")));
            case EXTERNAL -> ExternalDatabase.connect(new JdbcEndpoint(spec.role().id(), spec.engine(), spec.host(), spec.port(),
                    spec.user(), spec.password(), null, spec.account(), true));
            case COMPOSE -> throw new IllegalStateException("compose provides Kafka only");
        };
    }

    /**
     * Provides Kafka as the scenario asks. An embedded broker gets a listener for each client link
     * ({@code clientLinks}: network links whose dialer is a Kafka client), advertised at the address
     * {@code links} gives for it, so that client's every connection to the broker crosses its link.
     */
    public KafkaService kafka(KafkaSpec spec, java.util.List<String> clientLinks, io.cdctest.env.net.Links links) {
        return switch (spec.provision()) {
            case EMBEDDED -> own("kafka", EmbeddedKafka.start(home, workDir("kafka"), log("kafka"), clientLinks, links));
            case TESTCONTAINERS -> own("kafka", ContainerKafka.start());
            case LOCAL -> throw new IllegalStateException("provision: local starts MatrixOne only");
            case EXTERNAL -> ExternalKafka.connect(spec.bootstrapServers());
            case COMPOSE -> own("kafka", ComposeKafka.start(spec.composeDir(), spec.bootstrapServers(), spec.stopOnTeardown(),
                    log("kafka")));
        };
    }

    /** What is running, for --keep-env. */
    public synchronized List<String> describe() {
        List<String> lines = new ArrayList<>();
        owned.descendingIterator().forEachRemaining(o -> {
            String text = o.resource() instanceof DatabaseServer db ? db.describe()
                    : o.resource() instanceof KafkaService k ? k.describe() : null;
            if (text != null) {
                lines.add(o.name() + ": " + text);
            }
            if (o.resource() instanceof io.cdctest.env.net.Links links) {
                lines.addAll(links.describe());
            }
        });
        return lines;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Stops everything; a second caller (e.g. the shutdown hook) waits until the first has finished. */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed.getAndSet(true) && owned.isEmpty()) {
                return;
            }
            closeAll();
        }
    }

    private void closeAll() {
        List<Owned> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(owned);
            owned.clear();
        }
        toClose.forEach(Environment::closeQuietly);
        try {
            FileTrees.delete(workDir);
        } catch (IOException e) {
            LOG.warn("cannot delete work directory {}: {}", workDir, e.getMessage());
        }
    }

    private static void closeQuietly(Owned o) {
        try {
            LOG.debug("stopping {}", o.name());
            o.resource().close();
        } catch (Exception e) {
            LOG.warn("stopping {} failed: {}", o.name(), e.getMessage());
        }
    }
}

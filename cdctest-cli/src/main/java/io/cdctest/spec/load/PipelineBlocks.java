package io.cdctest.spec.load;

import io.cdctest.CdctestException;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Engine;
import io.cdctest.spec.LocalPath;
import io.cdctest.spec.Origin;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A scenario as a pipeline kind reads its own part of it ({@link PipelineReader#read}): its top-level
 * blocks, strictly, and the common parts already read (the endpoints) for the rules that join them.
 */
public final class PipelineBlocks {
    private final MapReader root;
    private final Path file;
    private final String type;
    private final Endpoint source;
    private final Endpoint target;
    private final List<LocalPath> localPaths;

    PipelineBlocks(MapReader root, Path file, String type, Endpoint source, Endpoint target, List<LocalPath> localPaths) {
        this.root = root;
        this.file = file;
        this.type = type;
        this.source = source;
        this.target = target;
        this.localPaths = localPaths;
    }

    /** A top-level block ({@code flink_cdc:}), read strictly: call {@link MapReader#finish()} when done. */
    public Optional<MapReader> block(String key) {
        return root.map(key);
    }

    /** Whether the scenario holds a top-level key (one of this kind's, or a common one its rules look at). */
    public boolean has(String key) {
        return root.has(key);
    }

    /** Where a top-level key is written (the top of the file when it is not). */
    public Origin originOf(String key) {
        return root.originOf(key);
    }

    /** A problem with a top-level key: "file:line: key: problem". */
    public CdctestException error(String key, String problem) {
        return root.error(key, problem);
    }

    /** "file:line: missing required key 'key'", at the top of the scenario. */
    public CdctestException missing(String key) {
        return root.missing(key);
    }

    /** A problem with a key of an endpoint: "file:line: source.type: problem". */
    public CdctestException error(Endpoint endpoint, String key, String problem) {
        return CdctestException.config(endpoint.origin() + ": " + endpoint.role().id() + "." + key + ": " + problem);
    }

    /**
     * A rule of the engines this kind joins: "file:line: source.type: scenario_type mo_to_mo needs
     * matrixone, got mysql" unless the endpoint's engine is accepted.
     */
    public void requireEngine(Endpoint endpoint, Predicate<Engine> accepted, String wanted) {
        if (!accepted.test(endpoint.engine())) {
            throw error(endpoint, "type", "scenario_type " + type + " needs " + wanted + ", got " + endpoint.engine().id());
        }
    }

    public Path file() {
        return file;
    }

    public String type() {
        return type;
    }

    public Endpoint source() {
        return source;
    }

    public Endpoint target() {
        return target;
    }

    /**
     * A directory only the machine that runs the pipeline needs (scripts, a docker-compose file):
     * {@code ~} is the home directory, a relative path is relative to the scenario file. Missing here,
     * it is a warning (the run's preflight fails on it).
     */
    public Path localDirectory(MapReader r, String key, String text) {
        String expanded = text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text;
        Path dir = Path.of(expanded);
        if (!dir.isAbsolute()) {
            dir = file.toAbsolutePath().getParent().resolve(dir).normalize();
        }
        LocalPath local = new LocalPath(r.path() + "." + key, dir, r.originOf(key));
        if (!local.exists()) {
            r.warn(key, "no such directory here: " + dir + "; a run needs it on the machine that runs the pipeline");
        }
        localPaths.add(local);
        return dir;
    }
}

package io.cdctest.pipeline.custom;

import io.cdctest.CdctestException;
import io.cdctest.pipeline.process.Shell;
import io.cdctest.spec.FieldPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one-shot hooks: a command until it exits, an HTTP call until it answers. Each call and its
 * answer go to the hooks log with every secret masked; values the hook captures are handed to the
 * templates. A command runs without a shell of its own (its argv is quoted for the process-group
 * guard), so nothing in a value can start another command.
 */
final class HookRunner {
    private static final int LOGGED_ANSWER = 2000;

    private final Templates templates;
    private final Map<String, String> environment;
    private final Path baseDir;
    private final Path workDir;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /**
     * @param environment the {@code CDCTEST_*} variables every command gets
     * @param baseDir     relative {@code dir}s are resolved against it (the scenario file's directory)
     * @param log         the hooks log (calls, answers, command output)
     */
    HookRunner(Templates templates, Map<String, String> environment, Path baseDir, Path workDir, Path log) {
        this.templates = templates;
        this.environment = environment;
        this.baseDir = baseDir;
        this.workDir = workDir;
        this.log = log;
    }

    /** Runs a hook and captures its values; a failure is an environment error naming the stage and the hook. */
    Answer run(String stage, CustomSpec.Hook hook) {
        Answer answer = hook instanceof CustomSpec.Command c ? command(stage, c) : http(stage, (CustomSpec.Http) hook);
        for (Map.Entry<String, FieldPath> capture : hook.capture().entrySet()) {
            templates.capture(capture.getKey(), answer.field(capture.getValue()).filter(n -> !n.isNull())
                    .orElseThrow(() -> failure(stage, hook, "the answer has no " + describe(capture.getValue()) + " to capture as {"
                            + capture.getKey() + "}: " + templates.mask(answer.abbreviated(200)))));
        }
        return answer;
    }

    private static String describe(FieldPath path) {
        return path.whole() ? "value" : "field " + path;
    }

    /** What a hook does, for messages: "POST http://host/api/..." or "command sh start.sh". */
    String what(CustomSpec.Hook hook) {
        try {
            return templates.mask(hook instanceof CustomSpec.Command c
                    ? "command " + c.argv().stream().map(templates::expand).collect(Collectors.joining(" "))
                    : ((CustomSpec.Http) hook).method() + " " + templates.expand(((CustomSpec.Http) hook).url()));
        } catch (CdctestException e) { // a value not captured yet: the template as written
            return hook instanceof CustomSpec.Command c ? "command " + String.join(" ", c.argv())
                    : ((CustomSpec.Http) hook).method() + " " + ((CustomSpec.Http) hook).url();
        }
    }

    CdctestException failure(String stage, CustomSpec.Hook hook, String problem) {
        return CdctestException.environment(stage + " hook '" + hook.name() + "' (" + what(hook) + "): " + templates.mask(problem));
    }

    /** The command line the guard runs: the expanded argv, each argument quoted. */
    String commandLine(CustomSpec.Command hook) {
        return "exec " + hook.argv().stream().map(templates::expand).map(Shell::quote).collect(Collectors.joining(" "));
    }

    /** The {@code CDCTEST_*} variables, then the hook's own {@code env} (where secrets may be used). */
    Map<String, String> environment(CustomSpec.Command hook) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        hook.env().forEach((k, v) -> env.put(k, templates.expand(v)));
        return env;
    }

    Path directory(CustomSpec.Command hook) {
        if (hook.dir() == null) {
            return baseDir;
        }
        String dir = templates.expand(hook.dir());
        Path path = Path.of(dir.startsWith("~/") ? System.getProperty("user.home") + dir.substring(1) : dir);
        return baseDir.resolve(path).normalize();
    }

    private Answer command(String stage, CustomSpec.Command hook) {
        Path dir = directory(hook);
        if (!Files.isDirectory(dir)) {
            throw failure(stage, hook, "no such directory: " + dir);
        }
        Path out;
        try {
            Files.createDirectories(workDir);
            out = Files.createTempFile(workDir, "hook-", ".out");
        } catch (IOException e) {
            throw CdctestException.environment("cannot create a file in " + workDir + ": " + e.getMessage(), e);
        }
        note("$ " + what(hook) + "   (" + stage + " hook '" + hook.name() + "', in " + dir + ")");
        ProcessBuilder builder = new ProcessBuilder(Shell.guarded(commandLine(hook))).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment(hook));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw failure(stage, hook, "cannot start: " + e.getMessage());
        }
        try {
            if (!process.waitFor(hook.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy(); // the guard passes SIGTERM to the command's process group
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                throw failure(stage, hook, "did not finish within " + hook.timeout().toSeconds() + " s (log: " + log + ")");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw failure(stage, hook, "interrupted");
        } finally {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // the guard is gone
            }
        }
        Answer answer = Answer.of(read(out));
        note(templates.mask(answer.text().strip()));
        note("exit " + process.exitValue());
        if (process.exitValue() != 0) {
            throw failure(stage, hook, "exited with code " + process.exitValue()
                    + (answer.text().isBlank() ? "" : ": " + answer.abbreviated(300)) + " (log: " + log + ")");
        }
        return answer;
    }

    private Answer http(String stage, CustomSpec.Http hook) {
        String url = templates.expand(hook.url());
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(hook.timeout());
        } catch (IllegalArgumentException e) {
            throw failure(stage, hook, "not a URL: " + e.getMessage());
        }
        String body = hook.body().json() != null ? templates.expand(hook.body().json()).toString()
                : templates.expand(hook.body().text());
        if (hook.body().json() != null && hook.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        hook.headers().forEach((k, v) -> request.header(k, templates.expand(v)));
        request.method(hook.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        note("> " + hook.method() + " " + templates.mask(url) + "   (" + stage + " hook '" + hook.name() + "')"
                + (body == null ? "" : "\n  " + templates.mask(body)));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            note("< " + e);
            throw failure(stage, hook, "no answer: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(stage, hook, "interrupted");
        }
        Answer answer = Answer.of(response.body());
        String shown = answer.abbreviated(LOGGED_ANSWER);
        note("< " + response.statusCode() + (shown.isEmpty() ? "" : " " + templates.mask(shown)));
        boolean expected = hook.expectStatus().isEmpty() ? response.statusCode() / 100 == 2
                : hook.expectStatus().contains(response.statusCode());
        if (!expected) {
            throw failure(stage, hook, "HTTP " + response.statusCode() + " (expected " + (hook.expectStatus().isEmpty() ? "2xx"
                    : hook.expectStatus().stream().sorted().map(String::valueOf).collect(Collectors.joining(" or "))) + ")"
                    + (shown.isEmpty() ? "" : ": " + answer.abbreviated(300)));
        }
        return answer;
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.deleteIfExists(file);
            return text;
        } catch (IOException e) {
            return "";
        }
    }

    /** The text with every secret masked. */
    String mask(String text) {
        return templates.mask(text);
    }

    /** A line of the hooks log, with the time. */
    void note(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String stamp = LocalTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, stamp + " " + text + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(HookRunner.class).debug("cannot write {}: {}", log, e.getMessage());
        }
    }
}

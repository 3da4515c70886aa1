// A tiny stand-in for an in-house CDC manager, for config/scenarios/custom_example.yaml and
// docs/CUSTOM_PIPELINE.md. It has the manager's REST API and job states:
//   POST /api/tools/add_cdc_job   {job_name, mysql_host, mysql_user, mysql_password, mysql_databases, tables,
//                                  kafka_address, topic, format}          -> {"code":0,"data":{"id":N,"job_status":"stopped"}}
//   POST /api/cdc/job/start       {"id":N}   stopped -> running (its worker starts; "warning" when the worker fails)
//   GET  /api/cdc/job/detail?id=N            -> {"code":0,"data":{"id":N,"job_status":"running","message":"..."}}
//   POST /api/cdc/job/stop        {"id":N}   running/warning -> stopped
//   POST /api/cdc/job/delete      {"id":N}
// Its worker is cdctest's built-in producer ($CDCTEST_HOME/cdctest producer) writing the manager's message
// format (enterprise-json: database, table, type, data, old_data, gtid, timestamp; headers; key db.table).
// Every call needs "Authorization: Bearer $CDC_MANAGER_TOKEN" when that variable is set.
// JDK only, run from source: java CdcManager.java --port 8080
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CdcManager {
    static final class Job {
        final long id;
        final String body;
        volatile Process worker;
        volatile String state = "stopped";
        volatile String message = "created";

        Job(long id, String body) {
            this.id = id;
            this.body = body;
        }
    }

    static final Map<Long, Job> JOBS = new ConcurrentHashMap<>();
    static final AtomicLong IDS = new AtomicLong(12344);
    static final Path WORK = Path.of(System.getenv().getOrDefault("CDCTEST_WORK_DIR", System.getProperty("java.io.tmpdir")));

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[List.of(args).indexOf("--port") + 1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/api/tools/add_cdc_job", ex -> answer(ex, () -> {
            Job job = new Job(IDS.incrementAndGet(), body(ex));
            JOBS.put(job.id, job);
            return job;
        }));
        server.createContext("/api/cdc/job/start", ex -> answer(ex, () -> start(job(body(ex)))));
        server.createContext("/api/cdc/job/stop", ex -> answer(ex, () -> stop(job(body(ex)))));
        server.createContext("/api/cdc/job/delete", ex -> answer(ex, () -> JOBS.remove(stop(job(body(ex))).id)));
        server.createContext("/api/cdc/job/detail", ex -> answer(ex, () -> refresh(job("{\"id\": "
                + String.valueOf(ex.getRequestURI().getQuery()).replaceFirst("^.*id=(\\d+).*$", "$1") + "}"))));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> JOBS.values().forEach(CdcManager::stop)));
        System.out.println("cdc manager: listening on 127.0.0.1:" + port);
        String status = System.getenv("CDCTEST_STATUS_FILE"); // cdctest's readiness contract for background commands
        if (status != null) {
            Files.writeString(Path.of(status), "{\"state\": \"RUNNING\"}");
        }
    }

    interface Action {
        Job run() throws IOException;
    }

    static void answer(HttpExchange ex, Action action) throws IOException {
        int code = 200;
        String json;
        String token = System.getenv("CDC_MANAGER_TOKEN"); // given in the environment, never on the command line
        try {
            if (token != null && !token.isEmpty() && !("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                throw new SecurityException("unauthorized");
            }
            Job job = action.run();
            json = "{\"code\": 0, \"msg\": \"ok\", \"data\": {\"id\": " + job.id + ", \"job_status\": \"" + job.state
                    + "\", \"message\": \"" + job.message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}";
        } catch (RuntimeException e) {
            code = e instanceof SecurityException ? 401 : 400;
            json = "{\"code\": 1, \"msg\": \"" + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static String body(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static Job job(String body) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
        Job job = m.find() ? JOBS.get(Long.parseLong(m.group(1))) : null;
        if (job == null) {
            throw new IllegalArgumentException("no such job: " + body);
        }
        return job;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(?:\\[\\s*)?\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
    }

    /** Starts the job's worker, as the manager deploys one per job; the job is running once the worker is. */
    static synchronized Job start(Job job) throws IOException {
        if (!job.state.equals("stopped")) {
            throw new IllegalStateException("job " + job.id + " is " + job.state + ", not stopped");
        }
        String[] host = field(job.body, "mysql_host").split(":");
        Path status = WORK.resolve("job-" + job.id + "-status.json");
        Files.deleteIfExists(status);
        ProcessBuilder builder = new ProcessBuilder(System.getenv("CDCTEST_HOME") + "/cdctest", "producer",
                "--db", field(job.body, "mysql_databases"), "--tables", field(job.body, "tables"),
                "--topic", field(job.body, "topic"), "--format", field(job.body, "format"), "--status-file", status.toString())
                .inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment(); // the worker's credentials come from the job, never its argv
        env.put("CDCTEST_SOURCE_HOST", host[0]);
        env.put("CDCTEST_SOURCE_PORT", host[1]);
        env.put("CDCTEST_SOURCE_USER", field(job.body, "mysql_user"));
        env.put("CDCTEST_SOURCE_PASSWORD", field(job.body, "mysql_password"));
        env.put("CDCTEST_KAFKA_BOOTSTRAP_SERVERS", field(job.body, "kafka_address"));
        job.worker = builder.start();
        job.message = "worker " + job.worker.pid() + " starting";
        System.out.println("cdc manager: job " + job.id + " " + field(job.body, "job_name") + ": " + job.message);
        return job;
    }

    /** The job's state from its worker: running when it runs, warning with its error when it failed or exited. */
    static Job refresh(Job job) throws IOException {
        Process worker = job.worker;
        if (worker == null || !job.state.equals("stopped") && !job.state.equals("running")) {
            return job;
        }
        Path file = WORK.resolve("job-" + job.id + "-status.json");
        String status = Files.exists(file) ? Files.readString(file) : "";
        if (!worker.isAlive()) {
            job.state = "warning";
            job.message = "worker exited with code " + worker.exitValue();
        } else if (field(status, "state").equals("FAILED")) {
            job.state = "warning";
            job.message = "worker failed: " + field(status, "error");
        } else if (field(status, "state").equals("RUNNING")) {
            job.state = "running";
            job.message = "binlog -> " + field(job.body, "topic");
        }
        return job;
    }

    static synchronized Job stop(Job job) {
        Process worker = job.worker;
        if (worker != null) {
            List<ProcessHandle> descendants = worker.descendants().toList();
            worker.destroy();
            try {
                if (!worker.waitFor(15, TimeUnit.SECONDS)) {
                    worker.destroyForcibly();
                }
            } catch (InterruptedException e) {
                worker.destroyForcibly();
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
            job.worker = null;
        }
        job.state = "stopped";
        job.message = "stopped";
        return job;
    }
}

package io.cdctest.spec;

import java.time.Duration;
import java.util.List;

/**
 * One step of a testcase, named by its {@code action:} in YAML. Every step knows where it was
 * written, so a failure can point at the line. Code that handles every kind of step does so through a
 * {@link Visitor}, so that a new kind does not compile until each of them handles it.
 */
public sealed interface Step {

    /** The YAML action name. */
    String action();

    Origin origin();

    /** Calls the visitor's method for this kind of step. */
    <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X;

    /**
     * One method per kind of step, each returning an {@code R} and free to throw an {@code X}
     * ({@link RuntimeException} when it throws no checked exception).
     */
    interface Visitor<R, X extends Exception> {
        R visit(ValidateSync step) throws X;

        R visit(Dml step) throws X;

        R visit(BulkInsert step) throws X;

        R visit(Workload step) throws X;

        R visit(Sql step) throws X;

        R visit(ValidateIndexQuery step) throws X;

        R visit(PipelineAction step) throws X;

        R visit(Fault step) throws X;

        R visit(CheckState step) throws X;

        R visit(MeasureSyncDelay step) throws X;

        R visit(WaitForRecovery step) throws X;

        R visit(LinkFault step) throws X;

        R visit(Heal step) throws X;

        R visit(NetworkIssue step) throws X;

        R visit(ExpectFailure step) throws X;

        R visit(CheckStatus step) throws X;
    }

    /**
     * Waits until every row of the table (or of every table when null) is equal on both sides. With
     * {@code expect} (causes such as missing, stale, corrupt, extra, resurrected) it instead passes
     * only when, after the timeout, differences remain and every one has an expected cause: a
     * self-test that the harness finds and explains what was done to the target.
     */
    record ValidateSync(String table, Duration timeout, List<Cause> expect, Origin origin) implements Step {
        public String action() {
            return "validate_sync";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /** INSERT, UPDATE or DELETE on the source: the given SQL, or {@code count} generated rows. */
    record Dml(Kind kind, String table, String sql, int count, Origin origin) implements Step {
        public enum Kind { INSERT, UPDATE, DELETE }

        public String action() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /** Inserts {@code count} generated rows into the source table, in batches. */
    record BulkInsert(String table, int count, int batchSize, Origin origin) implements Step {
        public String action() {
            return "bulk_insert";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /**
     * Steady load: generated INSERT, UPDATE and DELETE statements, one row each, on the given
     * tables (null: every replicated table) at {@code rate} statements per second for
     * {@code duration}, mixed by weight; every {@code checkEvery} (null: the scenario's
     * validation check_interval) the pipeline's health is checked while it runs.
     */
    record Workload(List<String> tables, double rate, Duration duration, Mix mix, Duration checkEvery, Origin origin)
            implements Step {
        /** Relative weights of the statement kinds; at least one above 0. */
        public record Mix(int insert, int update, int delete) {
            public static final Mix DEFAULT = new Mix(50, 35, 15);

            public int total() {
                return insert + update + delete;
            }

            @Override
            public String toString() {
                return insert + "/" + update + "/" + delete;
            }
        }

        public String action() {
            return "workload";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /** Runs SQL on the source or (to sabotage or inspect) on the target. */
    record Sql(String sql, Side on, Origin origin) implements Step {
        public String action() {
            return "sql";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /** Runs the same query on both sides and waits until the results are equal. */
    record ValidateIndexQuery(String sql, Duration timeout, Origin origin) implements Step {
        public String action() {
            return "validate_index_query";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /**
     * An action of the pipeline itself: any action name the harness does not know ({@code pause_cdc},
     * {@code check_cdc_status}, ...), run by the pipeline when its factory declares it.
     */
    record PipelineAction(String action, Origin origin) implements Step {
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /**
     * Breaks a component on purpose ({@code producer}, {@code consumer}, {@code kafka}, {@code source},
     * {@code target}): {@code kill} (SIGKILL, then started again after
     * {@code duration}), {@code stop} (stays down), {@code start}, {@code restart}, {@code pause}
     * (SIGSTOP for {@code duration} while the next steps run).
     */
    record Fault(FaultTarget component, Kind kind, Duration duration, Origin origin) implements Step {
        public enum Kind { KILL, STOP, START, RESTART, PAUSE }

        public String action() {
            return "fault";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /**
     * Waits up to {@code timeout} for the pipeline's task (a CDC task, a CCPR subscription, a Flink
     * job, a platform) to be in the {@code expected} state; running also means without an error.
     */
    record CheckState(TaskState expected, Duration timeout, Origin origin) implements Step {
        public String action() {
            return "check_subscription_status";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /**
     * Inserts {@code count} generated rows into a table, waits (up to {@code timeout}, null: the
     * scenario's max_wait_time) until the target has them, and reports their replication lag.
     */
    record MeasureSyncDelay(String table, int count, Duration timeout, Origin origin) implements Step {
        public String action() {
            return "measure_sync_delay";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /**
     * Waits up to {@code timeout} (null: the scenario's max_wait_time) until the network faults with a
     * duration are over, the pipeline is healthy again and the table (every table when null) is in
     * sync: a broken pipeline is waited for, not failed on.
     */
    record WaitForRecovery(String table, Duration timeout, Origin origin) implements Step {
        public String action() {
            return "wait_for_recovery";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /**
     * A fault on a link between two parts of the pipeline ({@code component: network}): applied for
     * {@code duration} while the next steps run, or (null) until a {@code heal} step or the end of the
     * testcase; a reset without a duration resets the open connections once.
     */
    record LinkFault(String link, NetworkFault fault, Duration duration, Origin origin) implements Step {
        public String action() {
            return "fault";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /** Ends the network faults on a link, or (null) on every link. */
    record Heal(String link, Origin origin) implements Step {
        public String action() {
            return "heal";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /**
     * The earlier tool's network outage: the pipeline's main link (or {@code link}) partitioned, new
     * connections accepted and silent, for {@code duration} while the next steps run (a
     * {@code wait_for_recovery} waits it out).
     */
    record NetworkIssue(String link, Duration duration, Origin origin) implements Step {
        public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);

        public String action() {
            return "simulate_network_issue";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /**
     * A step that must fail (a self-test that plants a fault): passes only when {@code step} fails as a
     * testcase does (not for an environment or configuration error) with a message containing every
     * one of {@code texts}; fails when the step passes or its message lacks one.
     */
    record ExpectFailure(Step step, List<String> texts) implements Step {
        public String action() {
            return step.action();
        }

        public Origin origin() {
            return step.origin();
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }

    /** Checks that a pipeline component is up and working. */
    record CheckStatus(Component component, Origin origin) implements Step {
        public String action() {
            return "check_" + component.id() + "_status";
        }

        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visit(this);
        }
    }
}

package io.cdctest.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.spec.Step;
import io.cdctest.workload.WorkloadDriver.Kind;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The driver's pacing and mix against statements that do nothing (or fail, or are slow): bounds
 * that hold on any machine, not speed figures (those are in bench/soak).
 */
class WorkloadDriverTest {
    private static final Step.Workload.Mix MIX = Step.Workload.Mix.DEFAULT;

    @Test
    void neverRunsMoreStatementsThanAreDue() throws Exception {
        try (WorkloadDriver driver = new WorkloadDriver((kind, table) -> 1, List.of("t"), MIX, 1)) {
            driver.start(200, Duration.ofMillis(300));
            assertThat(driver.awaitDone(Duration.ofSeconds(10))).isTrue();
            WorkloadDriver.Result r = driver.result();
            assertThat(r.statements()).isBetween(10L, 61L);
            assertThat(r.rows()).isEqualTo(r.statements());
            assertThat(r.latency().getTotalCount()).isEqualTo(r.statements());
            assertThat(r.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(r.error()).isEmpty();
        }
    }

    @Test
    void kindsAndTablesFollowTheWeights() throws Exception {
        Map<String, AtomicInteger> tables = new ConcurrentHashMap<>();
        try (WorkloadDriver driver = new WorkloadDriver((kind, table) -> {
            tables.computeIfAbsent(table, t -> new AtomicInteger()).incrementAndGet();
            return 1;
        }, List.of("a", "b"), MIX, 7)) {
            driver.start(1_000_000, Duration.ofMillis(300));
            assertThat(driver.awaitDone(Duration.ofSeconds(10))).isTrue();
            WorkloadDriver.Result r = driver.result();
            assertThat(r.statements()).isGreaterThan(1000);
            assertThat(r.count(Kind.INSERT) + r.count(Kind.UPDATE) + r.count(Kind.DELETE)).isEqualTo(r.statements());
            assertThat((double) r.count(Kind.INSERT) / r.statements()).isCloseTo(0.50, org.assertj.core.data.Offset.offset(0.05));
            assertThat((double) r.count(Kind.UPDATE) / r.statements()).isCloseTo(0.35, org.assertj.core.data.Offset.offset(0.05));
            assertThat((double) r.count(Kind.DELETE) / r.statements()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(0.05));
            assertThat((double) tables.get("a").get() / r.statements()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void aKindWithoutWeightIsNeverRun() throws Exception {
        try (WorkloadDriver driver = new WorkloadDriver((kind, table) -> 1, List.of("t"), new Step.Workload.Mix(0, 1, 0), 3)) {
            driver.start(1_000_000, Duration.ofMillis(100));
            assertThat(driver.awaitDone(Duration.ofSeconds(10))).isTrue();
            WorkloadDriver.Result r = driver.result();
            assertThat(r.count(Kind.UPDATE)).isEqualTo(r.statements()).isPositive();
        }
    }

    @Test
    void theAchievedRateIsWhatSlowStatementsAllow() throws Exception {
        try (WorkloadDriver driver = new WorkloadDriver((kind, table) -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new SQLException("interrupted", e);
            }
            return 1;
        }, List.of("t"), MIX, 1)) {
            driver.start(1000, Duration.ofMillis(400));
            assertThat(driver.awaitDone(Duration.ofSeconds(10))).isTrue();
            WorkloadDriver.Result r = driver.result();
            assertThat(r.rate()).isPositive().isLessThanOrEqualTo(50.0 + 1e-9);
            assertThat(r.latency().getValueAtPercentile(50)).isGreaterThanOrEqualTo(20_000);
        }
    }

    @Test
    void aFailingStatementEndsTheRunWithItsError() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (WorkloadDriver driver = new WorkloadDriver((kind, table) -> {
            if (calls.incrementAndGet() == 5) {
                throw new SQLException("Lock wait timeout exceeded");
            }
            return 1;
        }, List.of("t"), MIX, 1)) {
            driver.start(1_000_000, Duration.ofSeconds(30));
            assertThat(driver.awaitDone(Duration.ofSeconds(10))).isTrue();
            WorkloadDriver.Result r = driver.result();
            assertThat(r.statements()).isEqualTo(4);
            assertThat(r.error()).get().extracting(Throwable::getMessage).isEqualTo("Lock wait timeout exceeded");
        }
    }

    @Test
    void stopEndsTheRunEarly() throws Exception {
        try (WorkloadDriver driver = new WorkloadDriver((kind, table) -> 1, List.of("t"), MIX, 1)) {
            driver.start(100, Duration.ofMinutes(10));
            driver.stop();
            assertThat(driver.awaitDone(Duration.ofSeconds(10))).isTrue();
            assertThat(driver.result().elapsed()).isLessThan(Duration.ofMinutes(1));
        }
    }
}

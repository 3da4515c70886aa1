package io.cdctest.check;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Work on both sides of a comparison at once, waited for in full: a side's connection is used by one
 * thread at a time, so nothing returns (normally or with a failure) while a task still holds one.
 */
final class BothSides {
    private BothSides() {
    }

    /** A query on one side's database. */
    interface Query<T> {
        T run(TableDiff.Database side) throws SQLException;
    }

    /** The two answers of a {@link Query}. */
    record Answers<T>(T source, T target) {
    }

    /**
     * Runs {@code query} on both sides at once: the target's on a thread of its own, which this
     * method always waits for, also when the source's query fails.
     *
     * @param what what is being compared, named in the thread and in an interrupt's error
     */
    static <T> Answers<T> ask(TableDiff.Database source, TableDiff.Database target, String what, Query<T> query)
            throws SQLException {
        FutureTask<T> other = new FutureTask<>(() -> query.run(target));
        Thread thread = new Thread(other, "cdctest-check " + what);
        thread.setDaemon(true);
        thread.start();
        T mine = null;
        Throwable failure = null;
        try {
            mine = query.run(source);
        } catch (SQLException | RuntimeException e) {
            failure = e;
        }
        Throwable theirs = awaitAll(List.of(other), what);
        rethrow(failure != null ? failure : theirs);
        try {
            return new Answers<>(mine, other.get()); // done: awaitAll waited for it
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every task has ended, even when one failed or this thread is interrupted (the
     * tasks use connections this thread uses next; the interrupt is kept for the caller), and
     * returns the first failure, or null.
     */
    static Throwable awaitAll(List<? extends Future<?>> tasks, String what) {
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<?> task : tasks) {
            while (true) {
                try {
                    task.get();
                    break;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            if (failure == null) {
                failure = new CdctestException(ExitCode.INTERNAL, "interrupted while comparing " + what);
            }
        }
        return failure;
    }

    /** Throws a task's failure as it was (an SQLException or unchecked), anything else wrapped; nothing when null. */
    static void rethrow(Throwable failure) throws SQLException {
        if (failure instanceof SQLException se) {
            throw se;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}

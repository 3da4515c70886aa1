#!/bin/sh
# A guided tour of the Flink CDC scenario, step by step, on the embedded quickstart pipeline:
#
#   MariaDB (source, ROW binlog) -> Flink CDC job -> Kafka (KRaft) -> consumer -> MariaDB (target)
#
# Needs JDK 17 only. It runs three real pipelines (about 20 s each after the first build; the first
# ./cdctest call builds cdctest, which takes a few minutes). Run it from anywhere:
#
#   sh examples/flink_cdc_walkthrough.sh            # pauses between steps when run in a terminal
#   sh examples/flink_cdc_walkthrough.sh </dev/null # runs straight through (CI, logs)
#   DRY=1 sh examples/flink_cdc_walkthrough.sh      # prints the commands, runs nothing
#
# Reports go to reports/walkthrough-<time>-basic, -selftest and -failed.
# It stops on anything unexpected; the failing run of step 8 is expected to exit 1.

set -eu

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"

DRY=${DRY:-0}
STAMP=$(date +%Y%m%d-%H%M%S)
BASIC="reports/walkthrough-$STAMP-basic"
SELFTEST="reports/walkthrough-$STAMP-selftest"
FAILED="reports/walkthrough-$STAMP-failed"

say() {
    printf '\n%s\n' "$*"
}

step() {
    printf '\n== %s ==\n' "$*"
}

# Waits for Enter, but only when a person is there to press it.
pause() {
    if [ "$DRY" != 1 ] && [ -t 0 ]; then
        printf '\n[Enter to continue, Ctrl-C to stop] '
        read -r _ || true
    fi
}

# Prints the command, then runs it (unless DRY=1); a non-zero exit stops the script (set -e).
run() {
    printf '\n$ %s\n' "$*"
    if [ "$DRY" != 1 ]; then
        "$@"
    fi
}

# Runs a command that is expected to exit with a given code; any other code stops the script.
run_expecting() {
    expected=$1
    shift
    printf '\n$ %s\n' "$*"
    if [ "$DRY" = 1 ]; then
        return 0
    fi
    set +e
    "$@"
    rc=$?
    set -e
    if [ "$rc" -ne "$expected" ]; then
        printf '\nexpected exit %s, got %s: stopping here (see docs/TROUBLESHOOTING.md)\n' "$expected" "$rc" >&2
        exit "$rc"
    fi
    printf '\n(exit %s, as expected)\n' "$rc"
}

# Shows a file's first lines, if the run wrote it.
show() {
    file=$1
    lines=$2
    printf '\n$ head -n %s %s\n' "$lines" "$file"
    if [ "$DRY" != 1 ]; then
        if [ -f "$file" ]; then
            head -n "$lines" "$file"
        else
            echo "($file was not written)"
        fi
    fi
}

say "cdctest walkthrough: the Flink CDC pipeline, end to end, on this machine.
Repository: $ROOT"
if [ "$DRY" = 1 ]; then
    say "DRY=1: printing the commands only."
fi
pause

step "1. What is there: scenarios, testcase files, groups"
say "A scenario names the source, the target and the pipeline (scenario_type). The quickstart is a
flink_cdc scenario whose databases and Kafka are all started by cdctest. Its testcase file,
quickstart_tests.yaml, groups testcases: basic, selftest, faults, ..."
run ./cdctest list
pause

step "2. Check the configuration without connecting to anything"
say "validate loads the scenario and its testcase file; a wrong key stops it with file, line and key
(exit 2)."
run ./cdctest validate --scenario quickstart
pause

step "3. Preflight: what every run checks before it starts anything"
say "doctor checks Java, each endpoint (here: embedded servers on free ports) and Kafka. For your
own MySQL it also checks the binary log (ON, ROW, FULL), server_id, replication privileges and the
source tables. It changes nothing; a failed check exits 3 with its fix."
run ./cdctest doctor --scenario quickstart
pause

step "4. The plan: what the pipeline will do"
say "plan connects to nothing. For flink_cdc it shows the databases and tables; the pipeline runs no
SQL of its own (for the MatrixOne scenarios it prints every CREATE CDC / PITR statement)."
run ./cdctest plan --scenario quickstart
pause

step "5. Run the basic group"
say "cdctest now starts two MariaDB servers, loads 1,000 rows into each of two tables (the snapshot),
starts a Kafka broker, the Flink CDC producer and the consumer, then runs six testcases: full sync,
INSERT, UPDATE, DELETE, a composite key with a key change, an indexed query. Each validate_sync
compares every row and column on both sides and audits the Kafka topic key by key. Everything is
torn down at the end."
run ./cdctest --scenario quickstart --group basic --report-dir "$BASIC"
pause

step "6. The report directory"
say "summary.json and junit.xml (for CI) describe every testcase and step; logs/ holds one log per
component the run started."
run ls -l "$BASIC" "$BASIC/logs"
show "$BASIC/junit.xml" 4
show "$BASIC/summary.json" 20
say "cdctest's own lines in the producer's and the consumer's logs (the rest is Flink and Kafka):"
printf '\n$ grep -h %s %s %s\n' "'^cdctest-'" "$BASIC/logs/producer.log" "$BASIC/logs/consumer.log"
if [ "$DRY" != 1 ]; then
    grep -h '^cdctest-' "$BASIC/logs/producer.log" "$BASIC/logs/consumer.log" || true
fi
pause

step "7. A failure, caught: the selftest group"
say "selftest deletes a row and changes a value on the target behind the pipeline's back. The check
after each sabotage must FAIL naming what was done (expect_failure in the testcase file): the missing
key, the changed column with both values and its cause (corrupt), and the hop (consumer). So both
testcases pass only because cdctest caught it (the 'caught as expected' lines), and each puts back
what it broke."
run ./cdctest --scenario quickstart --group selftest --report-dir "$SELFTEST"
pause

step "8. A run that fails, and what it leaves behind"
say "The consumer is told to skip its 250th event: the snapshot testcase must FAIL, the run exits 1
naming the lost row and the hop that lost it. fix/ holds statements that would make the target equal
the source again, junit.xml carries the failure's message, replay/command.txt reruns the failing
testcase the same way."
run_expecting 1 ./cdctest --scenario quickstart --group snapshot --set flink_cdc.consumer_drop_nth=250 \
    --set validation.max_wait_time=15 --report-dir "$FAILED"
run ls -l "$FAILED" "$FAILED/fix"
show "$FAILED/junit.xml" 6
say "The fix SQL for the missing row:"
show "$FAILED/fix/fix-cdc_test_base.sql" 5
show "$FAILED/replay/command.txt" 1
pause

step "9. Next steps"
say "Keep the environment up after the testcases to look around (databases, topic, consumer group,
producer and consumer logs are printed); Ctrl-C tears it down:

  ./cdctest --scenario quickstart --group basic --keep-env

Other groups of the quickstart: incremental (5,000-row bulk insert, mixed DML), explain (differences
found and explained), audit, consumer_faults, faults (components killed, stopped and paused while the
source changes). Other embedded scenarios: flink_cdc_scripts (your own producer and consumer
scripts), flink_cdc_filters, sharded_merge. Your own MySQL and MatrixOne: config/scenarios/flink_cdc.yaml.

Step details and stack traces: -v. Every wait longer on a slow machine: --timeout-scale 2.
Docs: docs/SCENARIOS.md, docs/FLINK_CDC_GUIDE.md, docs/TROUBLESHOOTING.md."

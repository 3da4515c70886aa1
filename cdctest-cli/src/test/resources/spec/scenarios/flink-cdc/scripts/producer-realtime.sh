#!/usr/bin/env bash
# Example producer script for flink_cdc.path, in the earlier tool's layout. cdctest starts it as
#   scripts/producer-realtime.sh --db <db> --tables <t1,t2> --topic <topic>
# in the flink_cdc.path directory, with where everything is in CDCTEST_* variables (the source's
# CDCTEST_SOURCE_HOST/_PORT/_USER/_PASSWORD, CDCTEST_KAFKA_BOOTSTRAP_SERVERS, CDCTEST_FORMAT,
# CDCTEST_STATUS_FILE, ... see docs/FLINK_CDC_GUIDE.md). This one wraps cdctest's built-in Flink CDC
# producer; put your own job's start command here instead. Output goes to the run's producer.log.
set -euo pipefail

db="" tables="" topic=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --tables) tables="$2"; shift 2 ;;
    --topic) topic="$2"; shift 2 ;;
    *) echo "producer-realtime.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] && [ -n "$tables" ] && [ -n "$topic" ] || { echo "usage: $0 --db <db> --tables <t1,t2> --topic <topic>" >&2; exit 2; }

echo "producer-realtime.sh: capturing $db.{$tables} into $topic via ${CDCTEST_KAFKA_BOOTSTRAP_SERVERS:?not set}"
# exec: the script becomes the producer, so stopping the script stops the producer
exec "${CDCTEST_HOME:?not set}/cdctest" producer --db "$db" --tables "$tables" --topic "$topic"

#!/usr/bin/env bash
# Example consumer script for flink_cdc.path, in the earlier tool's layout. cdctest starts it as
#   scripts/consumer.sh --db <target db> --consumer-batch-size <n> --topic <topic> --group <group>
# in the flink_cdc.path directory, with where everything is in CDCTEST_* variables (the target's
# CDCTEST_TARGET_ENGINE/_HOST/_PORT/_USER/_PASSWORD, CDCTEST_KAFKA_BOOTSTRAP_SERVERS, CDCTEST_FORMAT,
# CDCTEST_STATUS_FILE, ... see docs/FLINK_CDC_GUIDE.md). This one wraps cdctest's built-in consumer;
# put your own consumer's start command here instead. Output goes to the run's consumer.log.
set -euo pipefail

db="" batch=2000 topic="" group=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --consumer-batch-size) batch="$2"; shift 2 ;;
    --topic) topic="$2"; shift 2 ;;
    --group) group="$2"; shift 2 ;;
    *) echo "consumer.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] && [ -n "$topic" ] && [ -n "$group" ] || { echo "usage: $0 --db <db> --consumer-batch-size <n> --topic <topic> --group <group>" >&2; exit 2; }

echo "consumer.sh: applying $topic (group $group, batches of $batch) to $db"
exec "${CDCTEST_HOME:?not set}/cdctest" consumer --db "$db" --consumer-batch-size "$batch" --topic "$topic" --group "$group"

#!/bin/sh
# The consumer of the custom example: the generic adapter starts it with a command hook
#   command: [sh, consumer.sh, "{target_db}", "{topic}", "{group}"]   (background: true)
# with where everything is in CDCTEST_* variables (the target's CDCTEST_TARGET_HOST/_PORT/_USER/_PASSWORD,
# CDCTEST_KAFKA_BOOTSTRAP_SERVERS, CDCTEST_FORMAT, CDCTEST_STATUS_FILE; see docs/CUSTOM_PIPELINE.md).
# It wraps cdctest's built-in consumer, which writes {"state": "RUNNING"} to CDCTEST_STATUS_FILE once it
# reads the topic; put your own consumer's start command here instead. Output goes to logs/consumer.log.
set -eu
[ $# -eq 3 ] || { echo "usage: $0 <target db> <topic> <group>" >&2; exit 2; }
echo "consumer.sh: applying $2 (group $3, format ${CDCTEST_FORMAT:-?}) to $1"
# exec: stopping the script stops the consumer
exec "${CDCTEST_HOME:?not set}/cdctest" consumer --db "$1" --topic "$2" --group "$3"

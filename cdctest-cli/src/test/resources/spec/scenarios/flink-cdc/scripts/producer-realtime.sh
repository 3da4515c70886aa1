#!/bin/sh
# Fixture: flink_cdc.path must name a directory that exists; the working scripts are in examples/flink_cdc_scripts.
exit 0

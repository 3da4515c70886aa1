package io.cdctest.spec;

/** Which database a step's SQL runs on. */
public enum Side {
    SOURCE, TARGET
}

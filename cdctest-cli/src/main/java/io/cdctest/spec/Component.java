package io.cdctest.spec;

/** A part of a pipeline a status step can ask about, and a fault step break. */
public enum Component implements FaultTarget {
    PRODUCER, CONSUMER, KAFKA
}

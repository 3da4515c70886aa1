package io.cdctest.spec;

/** A part of a pipeline a status step can ask about. */
public enum Component {
    PRODUCER, CONSUMER, KAFKA
}

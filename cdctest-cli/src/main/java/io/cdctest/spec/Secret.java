package io.cdctest.spec;

/** A password or other secret: never printed, logged or put on a command line. */
public record Secret(String value) {
    public static final Secret EMPTY = new Secret("");

    public Secret {
        value = value == null ? "" : value;
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "" : "******";
    }
}

package io.cdctest.format;

/**
 * What every format here has: its identifier (which its error messages also name), one line for
 * {@code cdctest list}, and whether each table has its own topic.
 */
abstract class NamedFormat implements WireFormat {
    private final String id;
    private final String description;
    private final boolean perTableTopics;

    NamedFormat(String id, String description, boolean perTableTopics) {
        this.id = id;
        this.description = description;
        this.perTableTopics = perTableTopics;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final boolean perTableTopics() {
        return perTableTopics;
    }
}

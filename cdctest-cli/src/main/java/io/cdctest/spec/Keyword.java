package io.cdctest.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A constant the YAML, the messages and the reports name by a lower-case word ({@code source},
 * {@code stale}, {@code producer}): its {@link #id()}, the constant's name in lower case.
 */
public interface Keyword {
    /** The word, as YAML, messages and reports show it. */
    default String id() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} whose {@link #id()} is this word. */
    static <E extends Enum<E> & Keyword> Optional<E> of(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(k -> k.id().equals(id)).findFirst();
    }
}

package io.cdctest.spec.load;

import java.util.Optional;
import java.util.Set;

/** The known name closest to a misspelt one, for messages outside the loaders ("did you mean ...?"). */
public final class Names {
    private Names() {
    }

    /** The candidate within a few edits of {@code wrong}, if there is one. */
    public static Optional<String> closest(String wrong, Set<String> candidates) {
        String hint = MapReader.suggestion(wrong, candidates);
        return hint.startsWith(" (did you mean '") ? Optional.of(hint.substring(16, hint.length() - 3)) : Optional.empty();
    }
}

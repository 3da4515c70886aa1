package io.cdctest.spec;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a {@code fault} step breaks ({@code component:}): a part of the pipeline or one of the run's
 * two databases. ({@code component: network} is a fault on a link, a step of its own.)
 */
public sealed interface FaultTarget extends Keyword permits Component, Side {
    /** Every target, in the order messages list them. */
    static List<FaultTarget> all() {
        return Stream.concat(Stream.of(Component.values()), Stream.of(Side.values())).map(FaultTarget.class::cast).toList();
    }

    /** The target whose {@link #id()} this is. */
    static Optional<FaultTarget> of(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }
}

package io.cdctest.spec;

import java.util.List;

/**
 * One testcase: steps run in order against the running pipeline.
 *
 * @param table the table steps default to (legacy {@code table:} key), or null for all tables
 */
public record TestCase(String id, String name, String description, String table, List<Step> steps,
                       Origin origin) {
}

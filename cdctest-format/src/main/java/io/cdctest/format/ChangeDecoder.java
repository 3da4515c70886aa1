package io.cdctest.format;

import java.util.List;

/**
 * Turns one Kafka record into the row changes it carries: none for tombstones, heartbeats, DDL and
 * markers; several for formats that batch rows (Canal's {@code data} array). Throws
 * {@link MalformedMessageException} for a record that is not of the format.
 */
public interface ChangeDecoder {
    List<ChangeEvent> decode(WireRecord record);
}

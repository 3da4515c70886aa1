package io.cdctest.pipeline.format;

import java.util.List;

/** Turns one Kafka record into the row changes it carries (none for tombstones and heartbeats). */
public interface ChangeDecoder {
    List<ChangeEvent> decode(byte[] key, byte[] value);
}

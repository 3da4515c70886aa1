package io.cdctest.env;

import io.cdctest.CdctestException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/** The few admin operations a run needs: reachability, topics, consumer-group lag. */
public final class KafkaAdmin implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 15;

    private final String bootstrapServers;
    private final Admin admin;

    public KafkaAdmin(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        this.admin = Admin.create(props);
    }

    /** Number of brokers, or an environment error naming the bootstrap servers. */
    public int brokers() {
        return get(admin.describeCluster().nodes(), "describe the cluster").size();
    }

    public void createTopic(String topic, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failure("create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw failure("create topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("create topic " + topic, e);
        }
    }

    public boolean topicExists(String topic) {
        return get(admin.listTopics().names(), "list topics").contains(topic);
    }

    public void deleteTopics(java.util.Collection<String> topics) {
        get(admin.deleteTopics(topics).all(), "delete topics " + topics);
    }

    /** Records in the topics not yet committed by the group (sum over partitions). */
    public long lag(java.util.Collection<String> topics, String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "read offsets of group " + group);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        get(admin.describeTopics(topics).allTopicNames(), "describe topics " + topics).forEach((topic, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all(),
                "list offsets of " + topics);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        } catch (TimeoutException e) {
            throw failure(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what, e);
        }
    }

    private CdctestException failure(String what, Throwable cause) {
        String message = cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException
                ? "no answer within " + TIMEOUT_SECONDS + " s" : String.valueOf(cause.getMessage());
        return CdctestException.environment("Kafka at " + bootstrapServers + ": cannot " + what + ": " + message, cause);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}

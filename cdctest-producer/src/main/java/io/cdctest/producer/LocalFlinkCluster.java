package io.cdctest.producer;

import io.cdctest.support.ParentWatch;
import java.net.URI;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink session cluster in one JVM (a MiniCluster with its REST endpoint on a given port): a
 * stand-in for a real cluster, to try and test the path where the producer job is submitted to a
 * JobManager over its REST API ({@code flink.jobmanager}). Prints {@code REST http://host:port}
 * once it accepts jobs. Usage: {@code LocalFlinkCluster <port> [slots]}.
 */
public final class LocalFlinkCluster {
    private LocalFlinkCluster() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatch.start("cdctest-flink-cluster");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_PORT, String.valueOf(port));
        conf.setString("io.tmp.dirs", System.getProperty("java.io.tmpdir"));
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(slots).build());
        cluster.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.closeAsync().get();
            } catch (Exception e) {
                System.err.println("cdctest-flink-cluster: " + e);
            }
        }, "cluster-shutdown"));
        URI rest = cluster.getRestAddress().get();
        System.out.println("REST " + rest);
        System.out.flush();
        Thread.currentThread().join();
    }
}

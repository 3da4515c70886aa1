package io.cdctest.pipeline.process;

import io.cdctest.CdctestException;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import io.cdctest.sql.JdbcEndpoint;
import java.util.Locale;
import java.util.Map;

/**
 * Where a database is, as the {@code CDCTEST_<role>_*} variables cdctest hands the commands it
 * starts (Flink CDC scripts, the generic pipeline's hooks): {@code _ENGINE, _HOST, _PORT, _USER,
 * _PASSWORD, _DATABASE, _TLS, _ACCOUNT}; read back when a script calls {@code cdctest producer} or
 * {@code cdctest consumer}.
 */
public final class EndpointVariables {
    private EndpointVariables() {
    }

    public static void put(Map<String, String> env, String role, JdbcEndpoint e, String database) {
        env.put("CDCTEST_" + role + "_ENGINE", e.engine().id());
        env.put("CDCTEST_" + role + "_HOST", e.host());
        env.put("CDCTEST_" + role + "_PORT", String.valueOf(e.port()));
        env.put("CDCTEST_" + role + "_USER", e.user());
        env.put("CDCTEST_" + role + "_PASSWORD", e.password().reveal());
        env.put("CDCTEST_" + role + "_DATABASE", database);
        env.put("CDCTEST_" + role + "_TLS", String.valueOf(e.tls()));
        if (e.account() != null) {
            env.put("CDCTEST_" + role + "_ACCOUNT", e.account());
        }
    }

    public static JdbcEndpoint read(Map<String, String> env, String role, String database) {
        String prefix = "CDCTEST_" + role + "_";
        Engine engine = Engine.byId(env.getOrDefault(prefix + "ENGINE", "mysql")).orElseThrow(() ->
                CdctestException.config(prefix + "ENGINE: unknown engine '" + env.get(prefix + "ENGINE") + "'"));
        String port = env.getOrDefault(prefix + "PORT", String.valueOf(engine.defaultPort()));
        try {
            return new JdbcEndpoint(role.toLowerCase(Locale.ROOT), engine, env.getOrDefault(prefix + "HOST", "127.0.0.1"),
                    Integer.parseInt(port), env.getOrDefault(prefix + "USER", "root"),
                    new Secret(env.getOrDefault(prefix + "PASSWORD", "")), database, env.get(prefix + "ACCOUNT"),
                    Boolean.parseBoolean(env.getOrDefault(prefix + "TLS", "true")));
        } catch (NumberFormatException e) {
            throw CdctestException.config(prefix + "PORT: expected a port number, got '" + port + "'");
        }
    }
}

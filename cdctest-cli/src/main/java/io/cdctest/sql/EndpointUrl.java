package io.cdctest.sql;

import io.cdctest.CdctestException;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads endpoints written as URLs: {@code [jdbc:]<engine>://[user[:password]@]host[:port]/database}, the engine
 * one of mysql, mariadb, matrixone, tidb, starrocks, doris.
 * A password in the URL works but shows in the process list; the environment variable named by
 * the caller is read when the URL has none.
 */
public final class EndpointUrl {
    private static final Pattern URL = Pattern.compile(
            "(?:jdbc:)?(mysql|mariadb|matrixone|tidb|starrocks|doris)://(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]+)(?::(\\d+))?/([^?]*)(?:\\?.*)?");

    private EndpointUrl() {
    }

    /** @param passwordVariable environment variable holding the password when the URL has none */
    public static JdbcEndpoint parse(String role, String url, String passwordVariable, Map<String, String> env) {
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            throw CdctestException.config("--" + role + ": expected mysql://user@host:port/database (or mariadb://, "
                    + "matrixone://, tidb://, starrocks://, doris://, with an optional jdbc: prefix), got '" + redact(url) + "'");
        }
        Engine engine = Engine.byId(m.group(1)).orElseThrow();
        String user = m.group(2) == null || m.group(2).isEmpty() ? "root" : decode(m.group(2));
        String password = m.group(3) != null ? decode(m.group(3)) : env.getOrDefault(passwordVariable, "");
        int port = m.group(5) == null ? engine.defaultPort() : Integer.parseInt(m.group(5));
        String database = decode(m.group(6));
        if (database.isEmpty()) {
            throw CdctestException.config("--" + role + ": the URL names no database: " + redact(url));
        }
        String account = null;
        int hash = user.indexOf('#');
        if (hash > 0) {
            account = user.substring(0, hash);
            user = user.substring(hash + 1);
        }
        return new JdbcEndpoint(role, engine, m.group(4), port, user, new Secret(password), database, account, true);
    }

    /** The URL with any password replaced, for messages. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:@/]*):[^@/]*@", "$1:******@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

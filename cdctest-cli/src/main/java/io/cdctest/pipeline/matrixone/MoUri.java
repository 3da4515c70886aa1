package io.cdctest.pipeline.matrixone;

import io.cdctest.spec.Secret;
import java.nio.charset.StandardCharsets;

/**
 * The URIs MatrixOne dials for CDC sinks and CCPR upstreams: {@code mysql://<user>:<password>@host:port}
 * (matrixone.md §1.3). A tenant's account goes inside the user ({@code acc#user}); the user and
 * password are percent-escaped where MatrixOne would otherwise split them ({@code :}, {@code @},
 * {@code %}, {@code /}, {@code ?}, spaces, non-ASCII), since MatrixOne unescapes them. Quotes are
 * left to SQL literal quoting. A URI holds a password: it goes into SQL, never into logs or plans.
 */
public final class MoUri {
    private MoUri() {
    }

    public static String of(String account, String user, Secret password, String host, int port) {
        String login = account == null || account.isBlank() ? user : account + "#" + user;
        return "mysql://" + escape(login) + ":" + escape(password.reveal()) + "@" + host + ":" + port;
    }

    /** The URI with its password replaced, for plans and messages. */
    public static String redacted(String uri) {
        return uri.replaceAll("(mysql://[^:@/]*):[^@/]*@", "$1:******@");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c == ':' || c == '@' || c == '%' || c == '/' || c == '?' || c < 0x21 || c > 0x7E) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

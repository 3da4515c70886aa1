package io.cdctest.spec.load;

import io.cdctest.CdctestException;
import io.cdctest.spec.Origin;
import io.cdctest.spec.load.YNode.YEntry;
import io.cdctest.spec.load.YNode.YMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Applies {@code --set key.path=value} overrides to a scenario tree before it is read, so an
 * override is validated exactly like a key written in the file (a wrong path is an unknown key).
 */
final class Overrides {
    private Overrides() {
    }

    static void apply(YMap root, List<String> overrides) {
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw CdctestException.config("--set " + override + ": expected key.path=value");
            }
            String path = override.substring(0, eq).trim();
            Origin origin = Origin.commandLine("--set " + path);
            YNode value = YamlTrees.parseValue(override.substring(eq + 1), origin);
            String[] keys = path.split("\\.");
            YMap current = root;
            for (int i = 0; i < keys.length - 1; i++) {
                String key = keys[i];
                if (key.isEmpty()) {
                    throw CdctestException.config("--set " + override + ": empty key in path '" + path + "'");
                }
                YEntry entry = current.entries().get(key);
                if (entry == null) {
                    YMap created = new YMap(new LinkedHashMap<>(), origin);
                    current.entries().put(key, new YEntry(key, origin, created));
                    current = created;
                } else if (entry.value() instanceof YMap child) {
                    current = child;
                } else {
                    throw CdctestException.config("--set " + path + ": '" + key + "' is not a map of keys in "
                            + entry.keyOrigin());
                }
            }
            String last = keys[keys.length - 1];
            current.entries().put(last, new YEntry(last, origin, value));
        }
    }
}

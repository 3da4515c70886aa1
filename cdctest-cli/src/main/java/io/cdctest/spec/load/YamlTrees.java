package io.cdctest.spec.load;

import io.cdctest.CdctestException;
import io.cdctest.spec.Origin;
import io.cdctest.spec.load.YNode.YEntry;
import io.cdctest.spec.load.YNode.YList;
import io.cdctest.spec.load.YNode.YMap;
import io.cdctest.spec.load.YNode.YScalar;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Parses YAML text into {@link YNode} trees with line numbers, turning syntax errors into one-line messages. */
final class YamlTrees {
    private YamlTrees() {
    }

    static YMap readFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CdctestException.config(file + ": file not found");
        } catch (IOException e) {
            throw CdctestException.config(file + ": cannot read: " + e.getMessage());
        }
        YNode root = parse(new StringReader(text), file.toString());
        if (root == null) {
            throw CdctestException.config(file + ": the file is empty");
        }
        if (!(root instanceof YMap map)) {
            throw CdctestException.config(root.origin() + ": expected a map of keys at the top level, got " + root.kind());
        }
        return map;
    }

    /** Parses a value given on the command line ({@code --set key=value}) as a YAML flow value. */
    static YNode parseValue(String text, Origin origin) {
        YNode node = parse(new StringReader(text), origin.source());
        return node == null ? new YScalar(null, false, origin) : relabel(node, origin);
    }

    private static YNode parse(Reader reader, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Node node;
        try {
            node = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            // at the end of the file the problem is better placed where the unclosed construct began
            boolean atEnd = e.getProblem() != null && e.getProblem().contains("end of stream");
            Mark mark = e.getProblemMark() != null && !(atEnd && e.getContextMark() != null)
                    ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? source : source + ":" + (mark.getLine() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            if (atEnd && e.getContext() != null) {
                problem = e.getContext() + ": " + problem;
            }
            throw CdctestException.config(where + ": YAML syntax error: " + oneLine(problem));
        } catch (YAMLException e) {
            throw CdctestException.config(source + ": YAML error: " + oneLine(e.getMessage()));
        }
        return node == null ? null : convert(node, source);
    }

    private static YNode convert(Node node, String source) {
        Origin origin = new Origin(source, node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode mapping) {
            LinkedHashMap<String, YEntry> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Origin keyOrigin = new Origin(source, keyNode.getStartMark().getLine() + 1);
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    throw CdctestException.config(keyOrigin + ": keys must be plain names");
                }
                String key = keyScalar.getValue();
                if (entries.containsKey(key)) {
                    throw CdctestException.config(keyOrigin + ": duplicate key '" + key + "'");
                }
                entries.put(key, new YEntry(key, keyOrigin, convert(tuple.getValueNode(), source)));
            }
            return new YMap(entries, origin);
        }
        if (node instanceof SequenceNode sequence) {
            List<YNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, source));
            }
            return new YList(items, origin);
        }
        ScalarNode scalar = (ScalarNode) node;
        boolean isNull = Tag.NULL.equals(scalar.getTag());
        boolean quoted = scalar.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
        return new YScalar(isNull ? null : scalar.getValue(), quoted, origin);
    }

    private static YNode relabel(YNode node, Origin origin) {
        if (node instanceof YScalar s) {
            return new YScalar(s.text(), s.quoted(), origin);
        }
        if (node instanceof YList l) {
            return new YList(l.items().stream().map(i -> relabel(i, origin)).toList(), origin);
        }
        LinkedHashMap<String, YEntry> entries = new LinkedHashMap<>();
        ((YMap) node).entries().forEach((k, e) -> entries.put(k, new YEntry(k, origin, relabel(e.value(), origin))));
        return new YMap(entries, origin);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}

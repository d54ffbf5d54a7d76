package org.yuqing.ui.grading;

import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plan documents in the editor: the console shows a plan as YAML and sends what the user typed to the grading service
 * as JSON (the same fields; the gateway client sends JSON bodies). Plain scalars are read by the YAML 1.2 core schema,
 * as the grading service reads YAML imports: only {@code true}/{@code false} are booleans ({@code yes} stays text),
 * no dates. A JSON pointer of a refused document can be turned back into the line of the YAML it came from.
 */
final class PlanYaml {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanYaml() {
    }

    /** YAML the user typed is not YAML at all. */
    static final class SyntaxError extends Exception {

        private final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }

        /** @return the 1-based line of the problem, 0 when unknown */
        int line() {
            return line;
        }
    }

    /**
     * A stored plan (its JSON form) as YAML for the editor.
     *
     * @param plan the plan document
     * @return block-style YAML, Chinese kept as it is
     */
    static String toYaml(JsonNode plan) {
        Object tree = JSON.treeToValue(plan, Object.class);
        return yaml().dump(tree);
    }

    /**
     * The YAML the user typed as a JSON document.
     *
     * @param text YAML (JSON is YAML too)
     * @return the same document as JSON text
     * @throws SyntaxError when the text is not YAML, or empty
     */
    static String toJson(String text) throws SyntaxError {
        Object tree;
        try {
            tree = yaml().load(text == null ? "" : text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new SyntaxError(mark == null ? 0 : mark.getLine() + 1,
                    e.getProblem() == null ? e.getMessage() : e.getProblem());
        } catch (YAMLException e) {
            throw new SyntaxError(0, e.getMessage());
        }
        if (tree == null) {
            throw new SyntaxError(1, "empty");
        }
        try {
            return JSON.writeValueAsString(tree);
        } catch (JacksonException e) {
            throw new SyntaxError(0, e.getOriginalMessage());
        }
    }

    /**
     * The line of the YAML where a JSON pointer of the document points; for a field that is missing, the line of the
     * nearest enclosing part that exists.
     *
     * @param text    the YAML
     * @param pointer a JSON pointer, e.g. {@code /levels/1/conditions/0/metric}
     * @return the 1-based line, empty when the text is not YAML
     */
    static Optional<Integer> lineOf(String text, String pointer) {
        Node node;
        try {
            node = yaml().compose(new StringReader(text == null ? "" : text));
        } catch (YAMLException e) {
            return Optional.empty();
        }
        if (node == null) {
            return Optional.empty();
        }
        if (pointer != null && !pointer.isEmpty()) {
            for (String raw : pointer.substring(1).split("/", -1)) {
                Node next = child(node, raw.replace("~1", "/").replace("~0", "~"));
                if (next == null) {
                    break;
                }
                node = next;
            }
        }
        return Optional.of(node.getStartMark().getLine() + 1);
    }

    private static Node child(Node node, String segment) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(segment)) {
                    return tuple.getValueNode();
                }
            }
        } else if (node instanceof SequenceNode sequence && segment.matches("\\d{1,6}")) {
            int index = Integer.parseInt(segment);
            return index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
        }
        return null;
    }

    private static Yaml yaml() {
        LoaderOptions loading = new LoaderOptions();
        loading.setAllowDuplicateKeys(false);
        loading.setMaxAliasesForCollections(10);
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setIndent(2);
        dumping.setIndicatorIndent(2);
        dumping.setIndentWithIndicator(true);
        dumping.setAllowUnicode(true);
        dumping.setSplitLines(false);
        dumping.setWidth(500);
        // Yaml instances are not thread-safe: one per use.
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading, new CoreSchema());
    }

    /** The YAML 1.2 core schema's plain scalars: booleans, integers, floats and null; everything else is text. */
    private static final class CoreSchema extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT,
                    Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*|[0-9]+(?:\\.[0-9]*)?[eE][-+]?[0-9]+)$"),
                    "-+0123456789.");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL)$"), "~nN");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }

    /** For tests: the JSON text as a tree. */
    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    /** For tests: a map as JSON. */
    static String json(Map<String, ?> map) {
        return JSON.writeValueAsString(map);
    }
}

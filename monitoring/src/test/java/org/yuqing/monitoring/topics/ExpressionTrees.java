package org.yuqing.monitoring.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random expression trees and random ways to write them (every operator spelling, full- and half-width parentheses
 * and quotes, adjacency for AND), for the property tests of the parser and of matcher ≡ Elasticsearch.
 */
public final class ExpressionTrees {

    private static final List<String> AND = List.of(" AND ", " & ", " + ", " ", "＋", "&", " ＆ ");
    private static final List<String> OR = List.of(" OR ", " | ", "｜", "|");
    private static final List<String> NOT = List.of("NOT ", "-", "!", "！", "－");

    private ExpressionTrees() {
    }

    /**
     * A random tree.
     *
     * @param depth   at most this many levels of operators
     * @param words   the vocabulary of single-word terms
     * @param phrases makes a multi-word phrase term now and then
     */
    public static TopicExpression.Node random(Random random, int depth, List<String> words, Supplier<String> phrases) {
        if (depth == 0 || random.nextInt(10) < 3) {
            String text = random.nextInt(8) == 0 ? phrases.get() : words.get(random.nextInt(words.size()));
            return new TopicExpression.Term(text, 0);
        }
        int kind = random.nextInt(10);
        if (kind < 2) {
            return new TopicExpression.Not(random(random, depth - 1, words, phrases));
        }
        List<TopicExpression.Node> operands = new ArrayList<>();
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            operands.add(random(random, depth - 1, words, phrases));
        }
        return kind < 6 ? new TopicExpression.Any(operands) : new TopicExpression.All(operands);
    }

    /** The tree written as a user might type it; {@link TopicExpression#parse} reads it back to the same meaning. */
    public static String write(TopicExpression.Node node, Random random) {
        return switch (node) {
            case TopicExpression.Term t -> term(t.text(), random);
            // NOT binds tightest: an AND or OR under it needs parentheses
            case TopicExpression.Not n -> pick(NOT, random) + operand(n.operand(), random,
                    n.operand() instanceof TopicExpression.All || n.operand() instanceof TopicExpression.Any);
            // AND binds tighter than OR: an OR under it needs parentheses
            case TopicExpression.All a -> join(a.operands(), AND, random, TopicExpression.Any.class);
            case TopicExpression.Any a -> join(a.operands(), OR, random, null);
        };
    }

    private static String join(List<TopicExpression.Node> operands, List<String> joiners, Random random, Class<?> needs) {
        StringBuilder s = new StringBuilder();
        for (TopicExpression.Node operand : operands) {
            if (!s.isEmpty()) {
                s.append(pick(joiners, random));
            }
            s.append(operand(operand, random, needs != null && needs.isInstance(operand)));
        }
        return s.toString();
    }

    /** The operand, in parentheses when precedence needs them, and now and then when it does not. */
    private static String operand(TopicExpression.Node node, Random random, boolean needsParentheses) {
        String written = write(node, random);
        if (needsParentheses || random.nextInt(8) == 0) {
            return random.nextBoolean() ? "(" + written + ")" : "（" + written + "）";
        }
        return written;
    }

    private static String term(String text, Random random) {
        boolean plain = text.codePoints().allMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && "()（）&+＆＋|｜-!－！\"“”＂".indexOf(c) < 0);
        if (plain && random.nextInt(4) > 0) {
            return text;
        }
        return text.contains("”") || random.nextBoolean() ? "\"" + text + "\"" : "“" + text + "”";
    }

    private static String pick(List<String> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }
}

package org.yuqing.monitoring.topics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TopicExpressionTest {

    private static TopicExpression.Node term(String text) {
        return new TopicExpression.Term(text, 0);
    }

    private static TopicExpression.Node all(TopicExpression.Node... operands) {
        return new TopicExpression.All(List.of(operands));
    }

    private static TopicExpression.Node any(TopicExpression.Node... operands) {
        return new TopicExpression.Any(List.of(operands));
    }

    private static TopicExpression.Node not(TopicExpression.Node operand) {
        return new TopicExpression.Not(operand);
    }

    /** The tree with every position set to 0, to compare shapes. */
    private static TopicExpression.Node shape(TopicExpression.Node node) {
        return switch (node) {
            case TopicExpression.Term t -> term(t.text());
            case TopicExpression.All a -> new TopicExpression.All(a.operands().stream().map(TopicExpressionTest::shape).toList());
            case TopicExpression.Any a -> new TopicExpression.Any(a.operands().stream().map(TopicExpressionTest::shape).toList());
            case TopicExpression.Not n -> not(shape(n.operand()));
        };
    }

    static Stream<Arguments> expressions() {
        return Stream.of(
                arguments("NOT binds tighter than AND, AND tighter than OR, side by side is AND", "化工厂 爆炸 | 泄漏 -演练",
                        any(all(term("化工厂"), term("爆炸")), all(term("泄漏"), not(term("演练"))))),
                arguments("the words in capitals", "化工厂 AND (爆炸 OR 泄漏) AND NOT 演练",
                        all(term("化工厂"), any(term("爆炸"), term("泄漏")), not(term("演练")))),
                arguments("the signs Chinese users type, full-width parentheses", "（化工厂｜化工廠）＋（爆炸|泄漏）－演练",
                        all(any(term("化工厂"), term("化工廠")), any(term("爆炸"), term("泄漏")), not(term("演练")))),
                arguments("& and ! as well", "化工厂&!演练", all(term("化工厂"), not(term("演练")))),
                arguments("quoted phrases keep operator signs and blanks", "\"covid-19\" AND “PX 项目”",
                        all(term("covid-19"), term("PX 项目"))),
                arguments("a sign inside an unquoted word ends it", "covid-19", all(term("covid"), not(term("19")))),
                arguments("lower-case and is a word", "px and strike", all(term("px"), term("and"), term("strike"))),
                arguments("NOT NOT", "化工厂 NOT -演练", all(term("化工厂"), not(not(term("演练"))))),
                arguments("one word", "  化工厂  ", term("化工厂")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("expressions")
    void an_expression_parses_into_its_tree(String rule, String expression, TopicExpression.Node expected) {
        assertThat(shape(TopicExpression.parse(expression).root())).isEqualTo(expected);
    }

    @Test
    void a_term_knows_where_it_starts() {
        TopicExpression.Node root = TopicExpression.parse("(化工厂 | \"爆炸\")").root();

        assertThat(root).isEqualTo(any(new TopicExpression.Term("化工厂", 1), new TopicExpression.Term("爆炸", 7)));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("(化工厂 | 爆炸", 9, "右括号", "第 10 个字符处缺少右括号"),
                arguments("化工厂 AND", 7, "词、短语或左括号", "第 8 个字符处缺少词或短语"),
                arguments("化工厂)", 3, "运算符、词或结尾", "第 4 个字符处多了一个右括号"),
                arguments("化工厂 \"爆炸", 4, "右引号", "第 5 个字符处的引号没有闭合"),
                arguments("", 0, "词、短语或左括号", "表达式为空"),
                arguments("   ", 3, "词、短语或左括号", "表达式为空"),
                arguments("NOT 演练", 0, "至少一个必须出现的词", "不能只有排除条件"),
                arguments("化工厂 | -爆炸", 0, "至少一个必须出现的词", "不能只有排除条件"),
                arguments("化工厂 | ，", 6, "含文字或数字的词", "第 7 个字符处的词“，”不含文字或数字"),
                arguments("() 化工厂", 1, "词、短语或左括号", "第 2 个字符处缺少词或短语"),
                arguments("化工厂 OR OR 爆炸", 7, "词、短语或左括号", "第 8 个字符处缺少词或短语"),
                arguments("化工厂 \"\"", 4, "引号内的短语", "第 5 个字符处的短语为空"),
                arguments("化工厂 爆炸”", 6, "词、短语或运算符", "第 7 个字符处多了一个右引号"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalid")
    void an_invalid_expression_is_refused_at_its_position(String expression, int position, String expected, String detail) {
        InvalidExpressionException e = catchThrowableOfType(InvalidExpressionException.class,
                () -> TopicExpression.parse(expression));

        assertThat(e).as(expression).isNotNull();
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.expected()).isEqualTo(expected);
        assertThat(e.getStatusCode().value()).isEqualTo(422);
        assertThat(e.getBody().getDetail()).contains(detail);
        assertThat(e.getBody().getProperties()).containsEntry("position", position).containsEntry("expected", expected);
    }

    @Test
    void an_expression_longer_than_the_limit_is_refused() {
        String tooLong = "化".repeat(TopicExpression.MAX_LENGTH + 1);

        assertThat(catchThrowableOfType(InvalidExpressionException.class, () -> TopicExpression.parse(tooLong)).position())
                .isEqualTo(TopicExpression.MAX_LENGTH);
    }

    @Test
    void positive_terms_leave_out_those_under_a_not() {
        TopicExpression e = TopicExpression.parse("化工厂 (爆炸 | 泄漏) -演练 -(-火灾)");

        assertThat(e.termTexts()).containsExactly("化工厂", "爆炸", "泄漏", "演练", "火灾");
        assertThat(e.positiveTermTexts()).containsExactly("化工厂", "爆炸", "泄漏", "火灾");
    }

    /** Property: a random tree, written in random spellings, reads back to a tree true for exactly the same hits. */
    @Test
    void a_random_tree_written_any_way_reads_back_to_the_same_meaning() {
        Random random = new Random(20261201L);
        List<String> words = List.of("化工厂", "爆炸", "泄漏", "演练", "PX", "covid-19", "a b", "“引号”");
        int compared = 0;
        for (int i = 0; i < 2000; i++) {
            TopicExpression.Node tree = ExpressionTrees.random(random, 4, words, () -> "短 语");
            String written = ExpressionTrees.write(tree, random);
            TopicExpression.Node parsed;
            try {
                parsed = TopicExpression.parse(written).root();
            } catch (InvalidExpressionException e) {
                assertThat(tree.test(t -> false)).as("%s refused: %s", written, e.getMessage()).isTrue();
                continue;
            }
            for (int k = 0; k < 16; k++) {
                Set<String> hits = new HashSet<>();
                words.forEach(w -> {
                    if (random.nextBoolean()) {
                        hits.add(w);
                    }
                });
                if (random.nextBoolean()) {
                    hits.add("短 语");
                }
                assertThat(parsed.test(t -> hits.contains(t.text()))).as("%s with %s", written, hits)
                        .isEqualTo(tree.test(t -> hits.contains(t.text())));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }
}

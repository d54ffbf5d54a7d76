package org.yuqing.monitoring.topics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An advanced topic expression (高级表达式): a boolean formula over words and quoted phrases, parsed into a tree that
 * the real-time matcher and the topic's Elasticsearch query both evaluate. A term <em>hits</em> a post under the
 * same rule as a word of a word group (see the matching rule in {@code CompiledTopics}): its canonical token string
 * occurs in the title's or in the text's.
 *
 * <h2>Grammar</h2>
 * <pre>
 * expression := or
 * or         := and { OR and }
 * and        := unary { [AND] unary }          -- two operands side by side mean AND
 * unary      := NOT unary | primary
 * primary    := "(" or ")" | phrase | word
 * OR         := "OR" | "|" | "｜"
 * AND        := "AND" | "&amp;" | "+" | "＆" | "＋"
 * NOT        := "NOT" | "-" | "!" | "－" | "！"
 * "(" ")"    := "(" ")" or the full-width "（" "）"
 * phrase     := a text between double quotes: "…", “…” or ＂…＂ (any characters but the closing quote)
 * word       := a run of characters other than white space, parentheses, quotes and the operator signs above
 * </pre>
 * Precedence: NOT binds tightest, then AND, then OR: {@code 化工厂 爆炸 | 泄漏 -演练} is
 * {@code (化工厂 AND 爆炸) OR (泄漏 AND NOT 演练)}. The words {@code AND}, {@code OR} and {@code NOT} are operators
 * only in capitals; {@code and} is a word. Operator signs inside a word end it ({@code 化工厂+爆炸} is two words, and
 * {@code covid-19} is {@code covid AND NOT 19}): quote a term that holds them ({@code "covid-19"}). Quoting also
 * keeps white space inside a phrase, though white space and punctuation do not matter to matching anyway.
 *
 * <p>Rules beyond the grammar: every term must hold a letter or a digit; the expression must require at least one
 * term to hit (an expression true for a post without any of its terms, such as {@code NOT 演练}, would take every
 * post of the internet); at most {@value #MAX_LENGTH} characters and {@value #MAX_TERMS} terms.
 *
 * @param source the expression as typed
 * @param root   its tree
 */
public record TopicExpression(String source, Node root) {

    /** Longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 4000;
    /** Most terms an expression may hold. */
    public static final int MAX_TERMS = 500;

    public TopicExpression {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(root, "root");
    }

    /** A node of the expression tree. */
    public sealed interface Node permits Term, All, Any, Not {

        /**
         * Evaluates the node.
         *
         * @param hits whether a term hits
         * @return whether the post satisfies the node
         */
        boolean test(Predicate<Term> hits);
    }

    /**
     * A word or a quoted phrase.
     *
     * @param text     as typed (without the quotes)
     * @param position where it starts in the expression (0-based character offset)
     */
    public record Term(String text, int position) implements Node {
        @Override
        public boolean test(Predicate<Term> hits) {
            return hits.test(this);
        }
    }

    /** AND: every operand (at least two). */
    public record All(List<Node> operands) implements Node {
        public All {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean test(Predicate<Term> hits) {
            for (Node n : operands) {
                if (!n.test(hits)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** OR: any operand (at least two). */
    public record Any(List<Node> operands) implements Node {
        public Any {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean test(Predicate<Term> hits) {
            for (Node n : operands) {
                if (n.test(hits)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** NOT. */
    public record Not(Node operand) implements Node {
        @Override
        public boolean test(Predicate<Term> hits) {
            return !operand.test(hits);
        }
    }

    /** The distinct term texts of the expression, in order of appearance. */
    public Set<String> termTexts() {
        Set<String> texts = new LinkedHashSet<>();
        collect(root, texts, false, false);
        return texts;
    }

    /** The term texts that count for the topic when they hit (not under an odd number of NOTs), for highlighting. */
    public Set<String> positiveTermTexts() {
        Set<String> texts = new LinkedHashSet<>();
        collect(root, texts, false, true);
        return texts;
    }

    private static void collect(Node node, Set<String> into, boolean negated, boolean positiveOnly) {
        switch (node) {
            case Term t -> {
                if (!positiveOnly || !negated) {
                    into.add(t.text());
                }
            }
            case All a -> a.operands().forEach(n -> collect(n, into, negated, positiveOnly));
            case Any a -> a.operands().forEach(n -> collect(n, into, negated, positiveOnly));
            case Not n -> collect(n.operand(), into, !negated, positiveOnly);
        }
    }

    /**
     * Parses an expression.
     *
     * @param source the expression as typed; null counts as empty
     * @return the parsed expression
     * @throws InvalidExpressionException pointing at the position of the first error (422)
     */
    public static TopicExpression parse(String source) {
        String s = source == null ? "" : source;
        if (s.length() > MAX_LENGTH) {
            throw new InvalidExpressionException(MAX_LENGTH, "不超过 " + MAX_LENGTH + " 个字符",
                    "表达式超过 " + MAX_LENGTH + " 个字符");
        }
        Parser parser = new Parser(s);
        Node root = parser.expression();
        if (root.test(t -> false)) {
            throw new InvalidExpressionException(0, "至少一个必须出现的词",
                    "表达式必须要求至少一个词出现，不能只有排除条件（NOT）");
        }
        return new TopicExpression(s, root);
    }

    private enum Kind { WORD, PHRASE, AND, OR, NOT, OPEN, CLOSE, END }

    private record Token(Kind kind, String text, int position) {
    }

    private static final class Parser {

        private final List<Token> tokens;
        private int next;
        private int terms;

        Parser(String source) {
            this.tokens = tokenize(source);
        }

        Node expression() {
            if (peek().kind() == Kind.END) {
                throw new InvalidExpressionException(peek().position(), "词、短语或左括号", "表达式为空");
            }
            Node root = or();
            Token extra = peek();
            if (extra.kind() == Kind.CLOSE) {
                throw new InvalidExpressionException(extra.position(), "运算符、词或结尾",
                        at(extra.position()) + "多了一个右括号（没有与之对应的左括号）");
            }
            if (extra.kind() != Kind.END) {
                throw new InvalidExpressionException(extra.position(), "结尾", at(extra.position()) + "无法解析");
            }
            return root;
        }

        private Node or() {
            List<Node> operands = new ArrayList<>();
            operands.add(and());
            while (peek().kind() == Kind.OR) {
                next++;
                operands.add(and());
            }
            return operands.size() == 1 ? operands.getFirst() : new Any(operands);
        }

        private Node and() {
            List<Node> operands = new ArrayList<>();
            operands.add(unary());
            while (true) {
                Kind k = peek().kind();
                if (k == Kind.AND) {
                    next++;
                    operands.add(unary());
                } else if (k == Kind.WORD || k == Kind.PHRASE || k == Kind.NOT || k == Kind.OPEN) {
                    operands.add(unary());
                } else {
                    break;
                }
            }
            return operands.size() == 1 ? operands.getFirst() : new All(operands);
        }

        private Node unary() {
            if (peek().kind() == Kind.NOT) {
                next++;
                return new Not(unary());
            }
            return primary();
        }

        private Node primary() {
            Token t = peek();
            switch (t.kind()) {
                case OPEN -> {
                    next++;
                    Node inner = or();
                    Token close = peek();
                    if (close.kind() != Kind.CLOSE) {
                        throw new InvalidExpressionException(close.position(), "右括号",
                                at(close.position()) + "缺少右括号（与第 " + (t.position() + 1) + " 个字符处的左括号对应）");
                    }
                    next++;
                    return inner;
                }
                case WORD, PHRASE -> {
                    next++;
                    if (t.kind() == Kind.PHRASE && t.text().isBlank()) {
                        throw new InvalidExpressionException(t.position(), "引号内的短语", at(t.position()) + "的短语为空");
                    }
                    if (!hasText(t.text())) {
                        throw new InvalidExpressionException(t.position(), "含文字或数字的词",
                                at(t.position()) + "的词“" + t.text() + "”不含文字或数字");
                    }
                    if (++terms > MAX_TERMS) {
                        throw new InvalidExpressionException(t.position(), "不超过 " + MAX_TERMS + " 个词",
                                "表达式超过 " + MAX_TERMS + " 个词");
                    }
                    return new Term(t.text(), t.position());
                }
                case END -> throw new InvalidExpressionException(t.position(), "词、短语或左括号",
                        at(t.position()) + "缺少词或短语（表达式不完整）");
                case CLOSE -> throw new InvalidExpressionException(t.position(), "词、短语或左括号",
                        at(t.position()) + "缺少词或短语（括号内为空或运算符后缺少词）");
                default -> throw new InvalidExpressionException(t.position(), "词、短语或左括号",
                        at(t.position()) + "缺少词或短语（运算符“" + t.text() + "”前缺少词）");
            }
        }

        /**
         * Whether matching can find the term: it holds a letter or a digit once folded (NFKC), which is when its
         * canonical token string ({@code TextNormalizer.matchText}) is not empty.
         */
        private static boolean hasText(String text) {
            return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).codePoints()
                    .anyMatch(Character::isLetterOrDigit);
        }

        private Token peek() {
            return tokens.get(next);
        }

        /** "第 n 个字符处" with n counted from 1, as people count; the problem's position counts from 0. */
        private static String at(int position) {
            return "第 " + (position + 1) + " 个字符处";
        }

        private static List<Token> tokenize(String s) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    i++;
                } else if (c == '(' || c == '（') {
                    tokens.add(new Token(Kind.OPEN, String.valueOf(c), i++));
                } else if (c == ')' || c == '）') {
                    tokens.add(new Token(Kind.CLOSE, String.valueOf(c), i++));
                } else if (isAnd(c)) {
                    tokens.add(new Token(Kind.AND, String.valueOf(c), i++));
                } else if (isOr(c)) {
                    tokens.add(new Token(Kind.OR, String.valueOf(c), i++));
                } else if (isNot(c)) {
                    tokens.add(new Token(Kind.NOT, String.valueOf(c), i++));
                } else if (c == '”') {
                    throw new InvalidExpressionException(i, "词、短语或运算符", at(i) + "多了一个右引号（没有与之对应的左引号）");
                } else if (isQuote(c)) {
                    char close = c == '“' ? '”' : c;
                    int end = s.indexOf(close, i + 1);
                    if (c == '“' && end < 0) {
                        // some keyboards give straight or opening quotes at both ends
                        end = s.indexOf('“', i + 1);
                    }
                    if (end < 0) {
                        throw new InvalidExpressionException(i, "右引号", at(i) + "的引号没有闭合");
                    }
                    tokens.add(new Token(Kind.PHRASE, s.substring(i + 1, end), i));
                    i = end + 1;
                } else {
                    int start = i;
                    while (i < s.length() && isWordChar(s.charAt(i))) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    Kind kind = switch (word) {
                        case "AND" -> Kind.AND;
                        case "OR" -> Kind.OR;
                        case "NOT" -> Kind.NOT;
                        default -> Kind.WORD;
                    };
                    tokens.add(new Token(kind, word, start));
                }
            }
            tokens.add(new Token(Kind.END, "", s.length()));
            return tokens;
        }

        private static boolean isWordChar(char c) {
            return !(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '(' || c == ')' || c == '（'
                    || c == '）' || isAnd(c) || isOr(c) || isNot(c) || isQuote(c) || c == '”');
        }

        private static boolean isAnd(char c) {
            return c == '&' || c == '+' || c == '＆' || c == '＋';
        }

        private static boolean isOr(char c) {
            return c == '|' || c == '｜';
        }

        private static boolean isNot(char c) {
            return c == '-' || c == '!' || c == '－' || c == '！';
        }

        private static boolean isQuote(char c) {
            return c == '"' || c == '“' || c == '＂';
        }
    }
}

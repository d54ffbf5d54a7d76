package org.yuqing.monitoring.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast paths of {@link TextNormalizer} give exactly what the reference path (NFKC, 繁→简, lower case) gives. */
class TextNormalizerFastPathTest {

    /** Pieces random text is made of: every kind of character the fast path must handle or leave to the reference. */
    private static final List<String> PIECES = List.of(
            // ASCII, letters of both cases, digits, punctuation, whitespace
            "a", "Z", "PX", "Covid", "19", "3.5", "-", "_", " ", "  ", "\t", "\n", ",", "!", "http://x.cn/a?b=1",
            // CJK unified ideographs, simplified and traditional (繁体), CJK compatibility ideographs
            "化工厂", "爆炸", "泄漏", "化工廠", "洩漏", "東區醫院", "頭髮", "乾隆", "學校抗議", "\uF900", "\uFA0C", "\u2F00",
            // Chinese punctuation, full-width forms, ideographic space, half-width katakana
            "，", "。", "、", "！", "？", "；", "：", "（", "）", "《", "》", "【", "】", "“", "”", "…", "—", "·", "\u3000",
            "ＰＸ", "ＡＢＣ１２３", "ｈｔｔｐ：／／", "①", "㎏", "ﬁ", "﹙", "ｶﾞｽ", "ﾞ", "ｱ",
            // Japanese, Korean (precomposed and jamo), Thai
            "ガス", "ひらがな", "한국어", "\u1100\u1161", "\u11A8", "ภาษาไทย",
            // Latin with and without combining marks, İ, Greek with final sigma, Cyrillic, Roman numerals
            "é", "e\u0301", "\u0301", "\u0327", "A\u030A", "\u212B", "İ", "ΟΔΟΣ", "Σ", "ς", "Straße", "ПРИВЕТ", "Ⅻ",
            // emoji (with variation selector, skin tone, ZWJ sequences), mathematical letters, supplementary ideographs
            "😀", "👍🏽", "❤️", "👨\u200D👩\u200D👧", "\uD835\uDC00", "𠀀", "\uD83C\uDD70", "\u2460",
            // lone surrogates, control and format characters, unassigned, private use
            "\uD800", "\uDC00", "\u200B", "\u00AD", "\uFEFF", "\u0378", "\uE000");

    @Test
    void random_mixed_text_normalises_on_the_fast_path_exactly_as_on_the_reference_path() {
        SplittableRandom random = new SplittableRandom(20261122L);
        int fast = 0;
        for (int n = 0; n < 20_000; n++) {
            String text = randomText(random, n % 2 == 0);
            assertThat(TextNormalizer.normalize(text)).as("normalize(%s)", escaped(text))
                    .isEqualTo(TextNormalizer.reference(text));
            assertThat(TextNormalizer.matchText(text)).as("matchText(%s)", escaped(text))
                    .isEqualTo(TextNormalizer.referenceMatchText(text));
            if (TextNormalizer.foldsCharacterByCharacter(text)) {
                fast++;
            }
        }
        // both paths are exercised: otherwise the comparison proves nothing
        assertThat(fast).isBetween(2_000, 18_000);
    }

    @Test
    void every_single_character_and_every_pair_with_a_combining_mark_normalises_as_on_the_reference_path() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertThat(TextNormalizer.normalize(one)).as("U+%04X", c).isEqualTo(TextNormalizer.reference(one));
            assertThat(TextNormalizer.matchText(one)).as("U+%04X", c).isEqualTo(TextNormalizer.referenceMatchText(one));
            for (String around : List.of(one + "\u0301", one + "\u3099", one + "\u1161", "\u1100" + one, "Σ" + one, one + "Σ")) {
                assertThat(TextNormalizer.normalize(around)).as("U+%04X in %s", c, escaped(around))
                        .isEqualTo(TextNormalizer.reference(around));
            }
        }
    }

    @Test
    void the_token_class_table_agrees_with_the_definition_for_every_code_point() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp <= Character.MAX_VALUE && Character.isSurrogate((char) cp)) {
                assertThat(TextNormalizer.classOf(cp)).as("U+%04X", cp).isEqualTo(TextNormalizer.NONE);
            } else if (TextNormalizer.classOf(cp) != TextNormalizer.computeClassOf(cp)) {
                assertThat(TextNormalizer.classOf(cp)).as("U+%04X", cp).isEqualTo(TextNormalizer.computeClassOf(cp));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "化工厂昨晚发生爆炸，周边居民称听到巨响！消防已到场（记者 张三）。",
            "反ＰＸ項目 抗議 😀 👍🏽 http://example.cn/a?b=1 【突发】“泄漏”《通报》、；？",
            "COVID-19 疫情 3.5G ①号楼 ㎏"})
    void everyday_chinese_posts_take_the_fast_path(String text) {
        assertThat(TextNormalizer.foldsCharacterByCharacter(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"e\u0301", "한국어", "İstanbul", "ΟΔΟΣ", "ｶﾞｽ", "\uD800x"})
    void text_whose_folding_depends_on_neighbours_takes_the_reference_path(String text) {
        assertThat(TextNormalizer.foldsCharacterByCharacter(text)).isFalse();
        assertThat(TextNormalizer.normalize(text)).isEqualTo(TextNormalizer.reference(text));
    }

    private static String randomText(SplittableRandom random, boolean common) {
        int pieces = 1 + random.nextInt(12);
        StringBuilder text = new StringBuilder();
        List<String> from = common ? PIECES.subList(0, 46) : PIECES;
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(10) == 0) {
                text.appendCodePoint(random.nextInt(0x30000));
            } else {
                text.append(from.get(random.nextInt(from.size())));
            }
        }
        if (random.nextInt(20) == 0) {
            text.append("x".repeat(250 + random.nextInt(20)));
        }
        return text.toString();
    }

    private static String escaped(String text) {
        List<String> codes = new ArrayList<>();
        text.codePoints().forEach(cp -> codes.add(String.format("U+%04X", cp)));
        return text + " " + codes;
    }
}

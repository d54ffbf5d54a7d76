package org.yuqing.monitoring.incidents;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimHashTest {

    private static final String REPORT = "11月21日上午，东区某化工厂发生氯气泄漏，周边三个小区的居民被紧急疏散。"
            + "区应急管理局表示，泄漏已于中午前得到控制，事故原因正在调查，暂无人员伤亡报告。"
            + "环保部门在厂区周边设立了四个空气监测点，目前各项指标均已恢复正常。"
            + "据了解，该化工厂主要生产氯碱类产品，建厂已有二十余年，去年曾因安全隐患被责令停产整改三个月。"
            + "附近居民反映，事发时闻到明显刺激性气味，部分老人和儿童出现咳嗽、流泪等症状，已被送往区人民医院检查。"
            + "区政府已成立事故调查组，将依法依规严肃追究相关责任人的责任，并将及时向社会公布调查进展。";

    @Test
    void identical_texts_are_zero_bits_apart() {
        assertThat(SimHash.distance(SimHash.of(REPORT), SimHash.of(REPORT))).isZero();
    }

    @Test
    void a_repost_differing_only_in_punctuation_width_script_and_blanks_is_zero_bits_apart() {
        String repost = REPORT.replace("，", ", ").replace("。", "．").replace("區", "区")
                .replace("东区", "東區").replace("11", "１１");

        assertThat(SimHash.distance(SimHash.of(REPORT), SimHash.of(repost))).isZero();
    }

    @Test
    void a_small_edit_is_a_few_bits_apart_and_counts_as_a_near_duplicate() {
        String edited = REPORT.replace("三个小区", "3个小区");

        int distance = SimHash.distance(SimHash.of(REPORT), SimHash.of(edited));

        assertThat(distance).isPositive().isLessThanOrEqualTo(SimHash.NEAR_DUPLICATE_DISTANCE);
        assertThat(SimHash.nearDuplicates(SimHash.of(REPORT), SimHash.of(edited))).isTrue();
    }

    @Test
    void an_unrelated_text_is_far_apart() {
        String unrelated = "市图书馆新馆本周六正式开放，馆内设有少儿阅读区、古籍修复展示区和二十四小时自助借还区，"
                + "开馆首月每周末将举办读书分享会，市民凭身份证即可免费办理借阅证。";

        int distance = SimHash.distance(SimHash.of(REPORT), SimHash.of(unrelated));

        assertThat(distance).isGreaterThan(16);
        assertThat(SimHash.nearDuplicates(SimHash.of(REPORT), SimHash.of(unrelated))).isFalse();
    }

    @Test
    void a_text_without_letters_or_digits_has_no_fingerprint_and_a_short_one_has_one() {
        assertThat(SimHash.of("！？…… ")).isZero();
        assertThat(SimHash.of(null)).isZero();
        assertThat(SimHash.of("爆炸")).isNotZero();
    }

    @Test
    void fingerprints_equal_those_of_the_definition_so_fingerprints_stored_earlier_still_compare() {
        // the definition: shingles as strings, FNV-1a over their UTF-8 bytes, +1/-1 per bit; incidents keep
        // fingerprints computed this way, so a faster computation must give exactly the same bits
        String alphabet = "东区化工厂泄漏氯气區東１２ABCabc09é Ω，。！ \uD840\uDC00\uD840\uDC01\uD83D\uDE00\uD800";
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int t = 0; t < 2_000; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 40);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length());
                text.append(alphabet.charAt(at));
            }
            assertThat(SimHash.of(text.toString())).as(text.toString()).isEqualTo(definition(text.toString()));
        }
        assertThat(SimHash.of(REPORT)).isEqualTo(definition(REPORT));
    }

    private static long definition(String text) {
        int[] folded = org.yuqing.monitoring.matching.TextNormalizer.normalize(text).codePoints()
                .filter(Character::isLetterOrDigit).toArray();
        if (folded.length == 0) {
            return 0;
        }
        int[] weights = new int[64];
        int shingles = Math.max(1, folded.length - SimHash.SHINGLE + 1);
        for (int start = 0; start < shingles; start++) {
            long h = 0xcbf29ce484222325L;
            String shingle = new String(folded, start, Math.min(SimHash.SHINGLE, folded.length - start));
            for (byte b : shingle.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
            h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
            h ^= h >>> 31;
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    @Test
    void distance_counts_differing_bits() {
        assertThat(SimHash.distance(0L, -1L)).isEqualTo(64);
        assertThat(SimHash.distance(0b1011L, 0b0001L)).isEqualTo(2);
    }
}

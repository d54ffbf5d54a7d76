package org.yuqing.publishing.statements;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    @Test
    void a_changed_paragraph_shows_as_a_removed_and_an_added_line_with_the_changed_characters_marked() {
        List<TextDiff.Line> lines = TextDiff.lines(List.of("标题", "", "今日上午10时发生泄漏。", "暂无人员伤亡。"),
                List.of("标题", "", "今日上午11时发生泄漏。", "暂无人员伤亡。"));

        assertThat(lines).extracting(TextDiff.Line::op).containsExactly(" ", " ", "-", "+", " ");
        assertThat(lines.get(2).text()).isEqualTo("今日上午10时发生泄漏。");
        assertThat(lines.get(2).oldLine()).isEqualTo(3);
        assertThat(lines.get(3).newLine()).isEqualTo(3);
        assertThat(lines.get(3).inline()).isEqualTo("今日上午1[-0-]{+1+}时发生泄漏。");
    }

    @Test
    void the_unified_form_has_headers_and_hunks_with_three_lines_of_context() {
        List<String> a = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            a.add("第" + i + "段");
        }
        List<String> b = new ArrayList<>(a);
        b.set(1, "第2段（改）");
        b.add(15, "新增的一段");

        String unified = TextDiff.unified(TextDiff.lines(a, b), "第1版", "第2版");

        assertThat(unified).isEqualTo("""
                --- 第1版
                +++ 第2版
                @@ -1,5 +1,5 @@
                 第1段
                -第2段
                +第2段（改）
                 第3段
                 第4段
                 第5段
                @@ -13,6 +13,7 @@
                 第13段
                 第14段
                 第15段
                +新增的一段
                 第16段
                 第17段
                 第18段
                """);
    }

    @Test
    void equal_texts_have_no_unified_diff_and_only_kept_lines() {
        List<TextDiff.Line> lines = TextDiff.lines(List.of("a", "b"), List.of("a", "b"));

        assertThat(lines).extracting(TextDiff.Line::op).containsOnly(" ");
        assertThat(TextDiff.unified(lines, "x", "y")).isEmpty();
    }

    @Test
    void removing_everything_and_adding_to_an_empty_text_name_the_line_before_the_empty_range() {
        assertThat(TextDiff.unified(TextDiff.lines(List.of("旧"), List.of()), "a", "b"))
                .isEqualTo("--- a\n+++ b\n@@ -1,1 +0,0 @@\n-旧\n");
        assertThat(TextDiff.unified(TextDiff.lines(List.of(), List.of("新")), "a", "b"))
                .isEqualTo("--- a\n+++ b\n@@ -0,0 +1,1 @@\n+新\n");
    }

    @Test
    void the_edits_are_a_shortest_script_that_turns_one_text_into_the_other() {
        List<String> a = List.of("A", "B", "C", "A", "B", "B", "A");
        List<String> b = List.of("C", "B", "A", "B", "A", "C");

        List<TextDiff.Edit> edits = TextDiff.edits(a, b);

        // Myers' classic example: the shortest edit script has 5 edits
        assertThat(edits.stream().filter(e -> e.op() != ' ').count()).isEqualTo(5);
        List<String> rebuilt = new ArrayList<>();
        List<String> old = new ArrayList<>();
        for (TextDiff.Edit e : edits) {
            if (e.op() != '-') {
                rebuilt.add(e.text());
            }
            if (e.op() != '+') {
                old.add(e.text());
            }
        }
        assertThat(rebuilt).isEqualTo(b);
        assertThat(old).isEqualTo(a);
    }
}

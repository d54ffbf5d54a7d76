package org.yuqing.ui.statements;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.ui.statements.InlineDiff.Kind.ADDED;
import static org.yuqing.ui.statements.InlineDiff.Kind.KEPT;
import static org.yuqing.ui.statements.InlineDiff.Kind.REMOVED;

class InlineDiffTest {

    @Test
    void the_services_markers_become_kept_removed_and_added_pieces_in_order() {
        assertThat(InlineDiff.parse("化工厂发生爆炸[-。-]{+，3人受伤。+}后续"))
                .containsExactly(new InlineDiff.Piece(KEPT, "化工厂发生爆炸"), new InlineDiff.Piece(REMOVED, "。"),
                        new InlineDiff.Piece(ADDED, "，3人受伤。"), new InlineDiff.Piece(KEPT, "后续"));
    }

    @Test
    void an_unclosed_marker_is_read_as_text() {
        assertThat(InlineDiff.parse("a[-b{+c")).containsExactly(new InlineDiff.Piece(KEPT, "a[-b{+c"));
        assertThat(InlineDiff.parse("")).isEmpty();
    }
}

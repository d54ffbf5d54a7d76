package org.yuqing.publishing.statements;

import org.junit.jupiter.api.Test;
import org.yuqing.domain.ApprovalStep;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.domain.ApprovalStep.LEADER_IN_CHARGE;
import static org.yuqing.domain.ApprovalStep.MAIN_LEADER;
import static org.yuqing.domain.ApprovalStep.UNIT_HEAD;

class ApprovalChainTest {

    private static final List<ApprovalStep> MAJOR = List.of(UNIT_HEAD, LEADER_IN_CHARGE, MAIN_LEADER);
    private static final String TEXT = StatementText.of("标题", "正文").hash();
    private static final String OLD_TEXT = StatementText.of("标题", "旧正文").hash();

    @Test
    void a_fresh_statement_waits_for_the_first_step() {
        ApprovalChain chain = new ApprovalChain(MAJOR, List.of(), TEXT);

        assertThat(chain.nextStep()).contains(UNIT_HEAD);
        assertThat(chain.missing()).containsExactly(UNIT_HEAD, LEADER_IN_CHARGE, MAIN_LEADER);
        assertThat(chain.complete()).isFalse();
    }

    @Test
    void approvals_of_an_older_text_do_not_count() {
        ApprovalChain chain = new ApprovalChain(MAJOR, List.of(
                approval(1, UNIT_HEAD, Decision.APPROVE, OLD_TEXT),
                approval(2, LEADER_IN_CHARGE, Decision.APPROVE, OLD_TEXT),
                approval(3, MAIN_LEADER, Decision.APPROVE, OLD_TEXT)), TEXT);

        assertThat(chain.counted()).isEmpty();
        assertThat(chain.nextStep()).contains(UNIT_HEAD);
    }

    @Test
    void a_rejection_does_not_count_as_an_approval() {
        ApprovalChain chain = new ApprovalChain(MAJOR, List.of(
                approval(1, UNIT_HEAD, Decision.APPROVE, TEXT),
                approval(2, LEADER_IN_CHARGE, Decision.REJECT, TEXT)), TEXT);

        assertThat(chain.nextStep()).contains(LEADER_IN_CHARGE);
        assertThat(chain.counted()).extracting(ApprovalRow::id).containsExactly(1L);
    }

    @Test
    void every_step_approving_the_current_text_completes_the_chain_in_required_order() {
        ApprovalChain chain = new ApprovalChain(MAJOR, List.of(
                approval(1, UNIT_HEAD, Decision.APPROVE, TEXT),
                approval(2, LEADER_IN_CHARGE, Decision.APPROVE, TEXT)), TEXT)
                .with(approval(3, MAIN_LEADER, Decision.APPROVE, TEXT));

        assertThat(chain.complete()).isTrue();
        assertThat(chain.nextStep()).isEmpty();
        assertThat(chain.counted()).extracting(ApprovalRow::approver).containsExactly("a1", "a2", "a3");
    }

    @Test
    void a_level_without_required_approvals_is_complete_at_once() {
        assertThat(new ApprovalChain(List.of(), List.of(), TEXT).complete()).isTrue();
    }

    @Test
    void the_content_hash_tells_title_and_body_apart() {
        assertThat(StatementText.of("ab", "c").hash()).isNotEqualTo(StatementText.of("a", "bc").hash());
        assertThat(StatementText.of(" 标题 ", "正文\n").hash()).isEqualTo(TEXT);
    }

    private static ApprovalRow approval(long id, ApprovalStep step, Decision decision, String hash) {
        return new ApprovalRow(id, step, decision, "a" + id, null, hash, Instant.now());
    }
}

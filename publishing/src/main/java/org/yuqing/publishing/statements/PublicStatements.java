package org.yuqing.publishing.statements;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read side for public channels: the statements released on a channel. Drafts and approved but
 * unreleased statements are never returned.
 */
@Component
public class PublicStatements {

    private final StatementStore store;

    PublicStatements(StatementStore store) {
        this.store = store;
    }

    /** The statements delivered on the channel, newest release first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<PublicStatement> newest(String channel, int limit) {
        return store.deliveredTo(channel, limit).stream().map(PublicStatements::toPublic).toList();
    }

    /** The statement if it was delivered on the channel; empty for drafts and unknown ids. */
    @Transactional(readOnly = true)
    public Optional<PublicStatement> find(String channel, UUID id) {
        return store.deliveredTo(channel, id).map(PublicStatements::toPublic);
    }

    private static PublicStatement toPublic(StatementRow s) {
        PublicStatement.Withdrawal withdrawal = s.withdrawn()
                ? new PublicStatement.Withdrawal("CORRECTION".equals(s.withdrawnKind()), s.withdrawnReason(),
                s.withdrawnAt(), s.withdrawnNotice())
                : null;
        return new PublicStatement(s.id(), s.kind(), s.title(), s.body(), s.publishedAt(), s.publicUrl(),
                s.corrects(), withdrawal);
    }
}

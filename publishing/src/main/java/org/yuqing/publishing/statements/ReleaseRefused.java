package org.yuqing.publishing.statements;

import org.springframework.http.HttpStatus;

/**
 * A release that "三同步" forbids (approvals missing, or already published). Its transaction
 * still commits, so the refused attempt stays on record.
 */
final class ReleaseRefused extends StatementProblem {

    ReleaseRefused(String code, String detail) {
        super(HttpStatus.CONFLICT, code, "Release refused", detail);
    }
}

package org.yuqing.ui.deliveries;

import org.yuqing.ui.statements.Statement;

/**
 * Where one channel's release stands, as the board shows it. The API knows PENDING, DELIVERED and FAILED; a PENDING
 * release a person must make (the manual channel: copy-ready text, no automatic attempt) is shown as waiting for them.
 */
enum DeliveryState {
    /** 待发送: the delivery worker sends it. */
    PENDING,
    /** 已送达. */
    DELIVERED,
    /** 发送失败: retried automatically until the attempts are used up, or by hand. */
    FAILED,
    /** 待人工发布: a person posts the copy-ready text and records the proof URL. */
    MANUAL_WAITING,
    /** A state this console does not know yet (shown by its code). */
    OTHER;

    static DeliveryState of(Statement.Release release) {
        String status = release.status() == null ? "" : release.status();
        return switch (status) {
            case "DELIVERED" -> DELIVERED;
            case "FAILED" -> FAILED;
            case "PENDING" -> release.byHand() ? MANUAL_WAITING : PENDING;
            default -> OTHER;
        };
    }
}

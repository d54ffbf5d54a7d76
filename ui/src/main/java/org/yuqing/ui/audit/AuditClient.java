package org.yuqing.ui.audit;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * Reads the audits of the gateway and the services through the gateway, as the current user (role ADMIN needed).
 */
@Component
class AuditClient {

    /** How many lines one request asks for. */
    static final int PAGE = 500;
    /** How many pages one refresh reads at most from one source, so a huge audit cannot stall the page. */
    static final int MAX_PAGES = 20;

    private final GatewayApi api;

    AuditClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * Reads a source's lines after the buffer's position for it, page by page, into the buffer.
     *
     * @param source the source
     * @param buffer where the lines go; its cursor for the source moves on
     * @throws GatewayCallException when the source cannot be read (lines read before the failure are kept)
     */
    void readNew(AuditSource source, AuditBuffer buffer) {
        for (int page = 0; page < MAX_PAGES; page++) {
            List<AuditRecord> lines = api.getList(source.path(),
                    Map.of("after", buffer.cursor(source), "limit", PAGE), AuditRecord.class);
            buffer.add(source, lines);
            if (lines.size() < PAGE) {
                return;
            }
        }
    }
}

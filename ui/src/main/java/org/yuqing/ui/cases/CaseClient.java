package org.yuqing.ui.cases;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The cases of the casework service, read through the gateway as the current user.
 */
@Component
class CaseClient {

    private final GatewayApi api;

    CaseClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * The cases the user may see.
     *
     * @return the cases in the service's order
     * @throws GatewayCallException when they cannot be read
     */
    List<CaseSummary> cases() {
        return api.getList("/api/casework/cases", CaseSummary.class);
    }
}

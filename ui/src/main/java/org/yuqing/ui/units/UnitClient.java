package org.yuqing.ui.units;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The unit directory of the gateway ({@code /api/identity/units}), as the current user.
 */
@Component
public class UnitClient {

    private static final String UNITS = "/api/identity/units";
    private static final String UNIT = "/api/identity/units/{id}";

    private final GatewayApi api;

    UnitClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * Every unit, as a flat list.
     *
     * @return the units in the directory's order
     * @throws GatewayCallException when they cannot be read
     */
    public List<Unit> units() {
        return api.getList(UNITS, Unit.class);
    }

    void create(String id, String name, String parentId) {
        api.post(UNITS, new Unit(id, name, parentId));
    }

    void update(String id, String name, String parentId) {
        api.put(UNIT, new Change(name, parentId), id);
    }

    void delete(String id) {
        api.delete(UNIT, id);
    }

    /** The body of {@code PUT /api/identity/units/{id}}; a {@code null} parent makes a top unit. */
    record Change(String name, String parentId) {
    }
}

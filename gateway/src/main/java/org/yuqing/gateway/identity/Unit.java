package org.yuqing.gateway.identity;

import java.util.Objects;

/**
 * A unit (责任单位) of the directory's tree, e.g. 区应急管理局 under 区委网信办.
 *
 * @param id       the unit id, e.g. {@code district-emergency}
 * @param name     the unit's name
 * @param parentId the parent unit's id, {@code null} for a root
 */
public record Unit(String id, String name, String parentId) {

    /**
     * Checks the id and name are present.
     */
    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}

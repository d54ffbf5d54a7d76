package org.yuqing.ui.units;

/**
 * One unit as {@code GET /api/identity/units} lists it.
 *
 * @param id       unit id, e.g. {@code district}
 * @param name     display name, e.g. 区委网信办
 * @param parentId the unit above it, {@code null} for a top unit
 */
public record Unit(String id, String name, String parentId) {

    /**
     * The name to show: the name, else the id.
     *
     * @return never blank unless the id is
     */
    public String label() {
        return name == null || name.isBlank() ? id : name;
    }
}

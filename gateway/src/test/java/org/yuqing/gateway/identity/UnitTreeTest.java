package org.yuqing.gateway.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTreeTest {

    private final UnitTree tree = new UnitTree(List.of(
            new Unit("town-1", "一镇", "county"),
            new Unit("county", "县", "city"),
            new Unit("city", "市", null),
            new Unit("village", "村", "town-1"),
            new Unit("town-2", "二镇", "county"),
            new Unit("other", "另一市", null)));

    @Test
    void a_units_scope_is_itself_and_everything_below_it() {
        assertThat(tree.scope(List.of("city")))
                .containsExactlyInAnyOrder("city", "county", "town-1", "town-2", "village");
        assertThat(tree.scope(List.of("town-1"))).containsExactlyInAnyOrder("town-1", "village");
        assertThat(tree.scope(List.of("village"))).containsExactly("village");
    }

    @Test
    void the_scope_of_several_units_is_their_union_and_unknown_units_add_nothing() {
        assertThat(tree.scope(List.of("town-2", "other", "nowhere", "town-2")))
                .containsExactlyInAnyOrder("town-2", "other");
        assertThat(tree.scope(List.of())).isEmpty();
    }

    @Test
    void a_unit_is_within_itself_and_its_ancestors_only() {
        assertThat(tree.isWithin("village", "city")).isTrue();
        assertThat(tree.isWithin("county", "county")).isTrue();
        assertThat(tree.isWithin("city", "village")).isFalse();
        assertThat(tree.isWithin("town-2", "town-1")).isFalse();
        assertThat(tree.isWithin("other", "city")).isFalse();
    }

    @Test
    void children_are_listed_per_parent() {
        assertThat(tree.childrenOf("county")).containsExactlyInAnyOrder("town-1", "town-2");
        assertThat(tree.childrenOf("village")).isEmpty();
    }
}

package org.yuqing.ui.units;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTreeTest {

    private static final Unit CITY = new Unit("city", "市委网信办", null);
    private static final Unit EAST = new Unit("east", "东区", "city");
    private static final Unit WEST = new Unit("west", "西区", "city");
    private static final Unit EAST_1 = new Unit("east-1", "东区一街道", "east");
    private static final Unit COMPANY = new Unit("acme", "集团公司", null);

    @Test
    void the_flat_list_becomes_a_tree_whatever_order_the_units_come_in() {
        UnitTree tree = UnitTree.of(List.of(EAST_1, WEST, COMPANY, EAST, CITY));

        assertThat(tree.roots()).extracting(Unit::id).containsExactlyInAnyOrder("city", "acme");
        assertThat(tree.children(CITY)).extracting(Unit::id).containsExactlyInAnyOrder("east", "west");
        assertThat(tree.children(EAST)).containsExactly(EAST_1);
        assertThat(tree.children(EAST_1)).isEmpty();
        assertThat(tree.size()).isEqualTo(5);
    }

    @Test
    void siblings_are_ordered_by_name_then_id() {
        Unit b = new Unit("b", "乙", "city");
        Unit a2 = new Unit("a2", "甲", "city");
        Unit a1 = new Unit("a1", "甲", "city");

        UnitTree tree = UnitTree.of(List.of(CITY, b, a2, a1));

        assertThat(tree.children(CITY)).extracting(Unit::id).containsExactly("a1", "a2", "b");
    }

    @Test
    void a_unit_whose_parent_is_unknown_is_shown_at_the_top_and_not_lost() {
        Unit orphan = new Unit("north-1", "北区一街道", "north");

        UnitTree tree = UnitTree.of(List.of(CITY, orphan));

        assertThat(tree.roots()).containsExactlyInAnyOrder(CITY, orphan);
        assertThat(tree.depthFirst()).hasSize(2);
    }

    @Test
    void units_on_a_cycle_become_top_units_and_a_unit_below_the_cycle_stays_below_its_parent() {
        Unit a = new Unit("a", "甲", "b");
        Unit b = new Unit("b", "乙", "a");
        Unit c = new Unit("c", "丙", "a");
        Unit self = new Unit("s", "自身", "s");

        UnitTree tree = UnitTree.of(List.of(a, b, c, self));

        assertThat(tree.roots()).extracting(Unit::id).containsExactlyInAnyOrder("a", "b", "s");
        assertThat(tree.children(a)).containsExactly(c);
        assertThat(tree.depthFirst()).hasSize(4);
    }

    @Test
    void depth_first_lists_parents_before_their_children() {
        UnitTree tree = UnitTree.of(List.of(EAST_1, WEST, EAST, CITY, COMPANY));

        // 集团公司 (jí) before 市委网信办 (shì), 东区 (dōng) before 西区 (xī): Chinese collation, not code points.
        assertThat(tree.depthFirst()).extracting(Unit::id).containsExactly("acme", "city", "east", "east-1", "west");
    }

    @Test
    void a_unit_cannot_be_moved_below_itself_or_below_a_unit_under_it() {
        UnitTree tree = UnitTree.of(List.of(CITY, EAST, WEST, EAST_1, COMPANY));

        assertThat(tree.subtree("east")).containsExactlyInAnyOrder("east", "east-1");
        assertThat(tree.possibleParents("east")).extracting(Unit::id).containsExactly("acme", "city", "west");
        assertThat(tree.possibleParents("city")).extracting(Unit::id).containsExactly("acme");
    }

    @Test
    void a_path_names_every_unit_from_the_top() {
        UnitTree tree = UnitTree.of(List.of(CITY, EAST, EAST_1));

        assertThat(tree.path("east-1")).isEqualTo("市委网信办 / 东区 / 东区一街道");
        assertThat(tree.path("nowhere")).isEqualTo("nowhere");
        assertThat(tree.label("east")).isEqualTo("东区");
    }

    @Test
    void a_unit_without_a_name_is_shown_by_its_id_and_a_repeated_id_keeps_its_first_entry() {
        UnitTree tree = UnitTree.of(List.of(new Unit("x", " ", null), new Unit("x", "重复", null)));

        assertThat(tree.roots()).singleElement().satisfies(unit -> assertThat(unit.label()).isEqualTo("x"));
    }
}

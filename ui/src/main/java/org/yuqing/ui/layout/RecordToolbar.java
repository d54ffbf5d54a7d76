package org.yuqing.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.util.function.Consumer;

/**
 * The bar above a list of records (信息源, 监测主题, …): the page's heading, a status line that takes the free room, and
 * buttons, some acting on the record selected in the list.
 */
public final class RecordToolbar {

    private RecordToolbar() {
    }

    /**
     * The bar with its heading and status; add the buttons to it.
     *
     * @param heading the page's heading, already translated
     * @param status  the status line, which takes the room the heading and buttons leave
     */
    public static HorizontalLayout headed(String heading, Component status) {
        HorizontalLayout toolbar = new HorizontalLayout(new H2(heading), status);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);
        return toolbar;
    }

    /**
     * A button that acts on the grid's selected record, enabled only while one is selected.
     *
     * @param grid   the list of records
     * @param id     the button's element id
     * @param label  its text, already translated
     * @param action what it does with the selected record
     */
    public static <T> Button forSelection(Grid<T> grid, String id, String label, Consumer<T> action) {
        Button button = new Button(label, click -> grid.getSelectedItems().stream().findFirst().ifPresent(action));
        button.setId(id);
        button.setEnabled(false);
        grid.addSelectionListener(selection -> button.setEnabled(selection.getFirstSelectedItem().isPresent()));
        return button;
    }
}

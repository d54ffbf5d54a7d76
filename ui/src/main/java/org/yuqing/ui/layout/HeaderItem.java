package org.yuqing.ui.layout;

import com.vaadin.flow.component.Component;

/**
 * A piece of the header a feature adds to the frame (e.g. the account menu). The frame cannot name such a feature
 * itself, since the feature's views name the frame as their layout; the feature declares a bean of this type
 * instead, and {@link MainLayout} places what it creates before the language switch, in the beans' order.
 */
@FunctionalInterface
public interface HeaderItem {

    /**
     * Builds the component for one page of the current user; called while the frame is built, in the UI's thread.
     *
     * @return a new component, or {@code null} to show nothing (e.g. without a logged-in user)
     */
    Component create();
}

package org.yuqing.ui.layout;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The console's notices: errors stay longer than confirmations. Ids are stable for end-to-end tests.
 */
public final class ConsoleNotifications {

    private static final int ERROR_MILLIS = 6_000;
    private static final int SUCCESS_MILLIS = 3_000;

    private ConsoleNotifications() {
    }

    /**
     * Shows an error ({@code error-notification}) at the top of the page.
     *
     * @param message the text, already translated
     * @return the open notification
     */
    public static Notification error(String message) {
        Notification notification = new Notification(message, ERROR_MILLIS, Notification.Position.TOP_CENTER);
        notification.setId("error-notification");
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.open();
        return notification;
    }

    /**
     * Confirms a change ({@code success-notification}).
     *
     * @param message the text, already translated
     * @return the open notification
     */
    public static Notification success(String message) {
        Notification notification = new Notification(message, SUCCESS_MILLIS, Notification.Position.BOTTOM_START);
        notification.setId("success-notification");
        notification.addThemeVariants(NotificationVariant.SUCCESS);
        notification.open();
        return notification;
    }
}

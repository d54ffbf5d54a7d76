package org.yuqing.ui.access;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.CurrentIdentity;

/**
 * Checks every navigation: an {@link AdminOnly} view opens for an administrator only, anyone else is rerouted to
 * {@link AccessDeniedView}. It listens on the UI, so it runs before the target view is created: a refused user never
 * makes the view call the admin API.
 */
@Component
class AdminOnlyGuard implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(AdminOnlyGuard.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(AdminOnlyGuard::check));
    }

    static void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target != null && target.isAnnotationPresent(AdminOnly.class) && !CurrentIdentity.isAdmin()) {
            String who = CurrentIdentity.login().orElse("anonymous");
            log.info("{} may not open the admin view {}", who, event.getLocation().getPath());
            event.rerouteToError(AdminRequiredException.class,
                    who + " is not an administrator: /" + event.getLocation().getPath());
        }
    }
}

package org.yuqing.ui.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Starts every console session in Chinese whatever the browser asks for (the language switch then keeps the user's
 * choice in the session), and marks each page with its language.
 */
@Component
class LanguageSetup implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setLocale(ConsoleLocales.CHINESE));
        // The page language picks the right CJK glyphs and tells screen readers what they read.
        event.getSource().addUIInitListener(init -> init.getUI().getPage().executeJs(
                "document.documentElement.lang = $0", init.getUI().getLocale().toLanguageTag()));
    }
}

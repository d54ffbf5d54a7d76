package org.yuqing.ui.access;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.yuqing.ui.layout.MainLayout;

/**
 * 无权访问: shown instead of an admin page to a user who is not an administrator (HTTP status 403).
 */
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AdminRequiredException>,
        HasDynamicTitle {

    /** Builds the notice in the session's language. */
    public AccessDeniedView() {
        setId("access-denied-view");
        add(new H2(getTranslation("accessDenied.heading")), new Paragraph(getTranslation("accessDenied.text")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AdminRequiredException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accessDenied.heading") + " · " + getTranslation("app.name");
    }
}

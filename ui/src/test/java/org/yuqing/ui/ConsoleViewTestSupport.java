package org.yuqing.ui;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.yuqing.security.Caller;
import org.yuqing.security.TestTokens;
import org.yuqing.ui.i18n.ConsoleLocales;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views driven in the JVM (Vaadin browserless tests) against the real Spring context of the console, in Chinese, as
 * a real {@link Caller}: {@link #signIn} resolves a test token through the console's own security filter chain.
 * Subclasses register {@code TestTokens} and their {@link StandInGateway}'s URL in a {@code @DynamicPropertySource}.
 */
@SpringBootTest(properties = "yuqing.console.gateway.url=http://127.0.0.1:9")
public abstract class ConsoleViewTestSupport extends SpringBrowserlessTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilters;

    @BeforeEach
    void chineseFirst() {
        chinese();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * As every new console session starts (LanguageSetup); the mock session here is made without it. The page that
     * is already shown (the start page, built before this) is built again, so its frame and view are Chinese too.
     */
    protected static void chinese() {
        UI ui = UI.getCurrent();
        ui.setLocale(ConsoleLocales.CHINESE);
        ui.refreshCurrentRoute(true);
    }

    /**
     * Resolves the token through the console's own security filters and makes its caller the current user, on a
     * fresh page (the frame is built for the user who now calls).
     *
     * @param token a test token
     */
    protected void signIn(TestTokens.Token token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("Authorization", token.bearer());
        AtomicReference<Authentication> resolved = new AtomicReference<>();
        try {
            securityFilters.doFilter(request, new MockHttpServletResponse(),
                    (req, res) -> resolved.set(SecurityContextHolder.getContext().getAuthentication()));
        } catch (IOException | ServletException e) {
            throw new IllegalStateException(e);
        }
        assertThat(resolved.get()).as("the token was accepted").isNotNull();
        cleanVaadinEnvironment();
        SecurityContextHolder.setContext(new SecurityContextImpl(resolved.get()));
        initVaadinEnvironment();
        chinese();
        assertThat(Caller.current().login()).isNotEqualTo(Caller.SYSTEM.login());
    }
}

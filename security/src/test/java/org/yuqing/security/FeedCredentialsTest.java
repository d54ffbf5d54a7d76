package org.yuqing.security;

import java.net.URI;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.yuqing.events.EventSourceUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service reads other services' feeds with its own token, and never without one when it should have one. */
class FeedCredentialsTest {

    @Test
    void a_service_with_credentials_but_no_token_yet_waits_instead_of_reading_without_one() {
        // Nothing listens on port 9 of loopback: the issuer is not up yet.
        ServiceTokens tokens = new ServiceTokens(new SecurityProperties.Client("grading", "secret",
                URI.create("http://127.0.0.1:9/oauth2/token")), "grading", Clock.systemUTC());

        assertThat(tokens.configured()).isTrue();
        assertThatThrownBy(() -> ResourceServerAutoConfiguration.feedCredentialsOf(tokens).get())
                .isInstanceOf(EventSourceUnavailableException.class)
                .hasMessageContaining("no service token");
    }

    @Test
    void a_service_without_credentials_reads_without_a_token() {
        ServiceTokens tokens = new ServiceTokens(new SecurityProperties.Client(null, null, null), "grading",
                Clock.systemUTC());

        assertThat(tokens.configured()).isFalse();
        assertThat(ResourceServerAutoConfiguration.feedCredentialsOf(tokens).get()).isNull();
    }
}

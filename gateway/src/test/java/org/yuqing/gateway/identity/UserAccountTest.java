package org.yuqing.gateway.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UserAccountTest {

    private static final String HASH = "{bcrypt}$2a$10$nouwD.TDs793cJFuEaKdq.7vmDcwKJ90yAxK3nklkN.QZ6XbS4xDy";

    @Test
    void a_clear_text_password_is_refused_because_only_hashes_are_configured() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UserAccount("demo", "演示", "yuqing-demo", List.of("district"), List.of()))
                .withMessageContaining("hash");
    }

    @Test
    void a_login_that_cannot_travel_in_a_header_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UserAccount("张三", "张三", HASH, List.of("district"), List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UserAccount("a\r\nX-Yuqing-User: b", null, HASH, List.of("district"), List.of()));
    }

    @Test
    void a_unit_id_with_a_comma_is_refused_because_units_travel_comma_separated() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UserAccount("demo", null, HASH, List.of("district,city"), List.of()));
    }

    @Test
    void a_user_without_a_unit_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UserAccount("demo", null, HASH, List.of(), List.of()));
    }

    @Test
    void a_missing_display_name_falls_back_to_the_login() {
        assertThat(new UserAccount("demo", " ", HASH, List.of("district"), null))
                .satisfies(account -> {
                    assertThat(account.displayName()).isEqualTo("demo");
                    assertThat(account.roles()).isEmpty();
                });
    }
}

package org.yuqing.ui.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewPasswordCheckTest {

    @Test
    void a_new_password_of_ten_characters_typed_twice_passes() {
        assertThat(NewPasswordCheck.of("old", "0123456789", "0123456789")).isEmpty();
        assertThat(NewPasswordCheck.of("old", "一二三四五六七八九十", "一二三四五六七八九十")).isEmpty();
    }

    @Test
    void nine_characters_are_too_short_counted_as_characters_not_utf16_units() {
        assertThat(NewPasswordCheck.of("old", "012345678", "012345678")).contains(NewPasswordCheck.TOO_SHORT);
        // Five emoji are ten UTF-16 units but five characters, as the gateway counts them.
        String fiveEmoji = "😀😀😀😀😀";
        assertThat(fiveEmoji).hasSize(10);
        assertThat(NewPasswordCheck.of("old", fiveEmoji, fiveEmoji)).contains(NewPasswordCheck.TOO_SHORT);
        assertThat(NewPasswordCheck.of("old", null, null)).contains(NewPasswordCheck.TOO_SHORT);
    }

    @Test
    void the_repeat_must_be_the_same_and_the_current_password_given() {
        assertThat(NewPasswordCheck.of("old", "0123456789", "0123456788")).contains(NewPasswordCheck.MISMATCH);
        assertThat(NewPasswordCheck.of("", "0123456789", "0123456789")).contains(NewPasswordCheck.CURRENT_MISSING);
    }

    @Test
    void the_first_problem_in_the_order_of_the_fields_is_named() {
        assertThat(NewPasswordCheck.of("", "short", "other")).contains(NewPasswordCheck.CURRENT_MISSING);
        assertThat(NewPasswordCheck.of("old", "short", "other")).contains(NewPasswordCheck.TOO_SHORT);
    }
}

package dev.rapport.metrics.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestSaltedHash {

    @Test
    void hashesSaltNulAndValue() {
        // printf 'a-salt-of-16-chars\0ana@example.com' | sha256sum
        assertThat(new SaltedHash("a-salt-of-16-chars").hash("ana@example.com"))
                .isEqualTo("2424aa626c7c69daf1a4dca46f0d8fe4e60c46fa5e29ff2c7c96df0473d3c3e8");
    }

    @Test
    void theSameValueAndSaltGiveTheSameHashAndAnotherSaltAnother() {
        SaltedHash one = new SaltedHash("0123456789abcdef");
        SaltedHash other = new SaltedHash("fedcba9876543210");

        assertThat(one.hash("x")).isEqualTo(one.hash("x")).isNotEqualTo(other.hash("x"));
        assertThat(one.hash(null)).isNull();
    }

    @Test
    void aShortSaltIsRefused() {
        assertThatThrownBy(() -> new SaltedHash("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16");
    }
}

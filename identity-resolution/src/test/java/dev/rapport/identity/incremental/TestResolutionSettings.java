package dev.rapport.identity.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.config.IdentityConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestResolutionSettings {

    @Test
    void sameSettingsGiveTheSameLineWhateverTheMailboxOrder() {
        IdentityConfig first =
                IdentityConfig.fromMap(Map.of("generic_mailboxes", List.of("info", "sales")), "identity");
        IdentityConfig second =
                IdentityConfig.fromMap(Map.of("generic_mailboxes", List.of("sales", "info")), "identity");
        assertThat(ResolutionSettings.of(first)).isEqualTo(ResolutionSettings.of(second));
    }

    @Test
    void settingsThatDecideLinksChangeTheLine() {
        String defaults = ResolutionSettings.of(IdentityConfig.defaults());
        assertThat(ResolutionSettings.of(IdentityConfig.fromMap(Map.of("max_block_size", 20), "identity")))
                .isNotEqualTo(defaults);
        assertThat(ResolutionSettings.of(
                        IdentityConfig.fromMap(Map.of("probabilistic", Map.of("threshold", 0.9)), "identity")))
                .isNotEqualTo(defaults);
        assertThat(ResolutionSettings.of(
                        IdentityConfig.fromMap(Map.of("probabilistic", Map.of("enabled", false)), "identity")))
                .isNotEqualTo(defaults);
    }

    @Test
    void whereTheModelComesFromDoesNotChangeTheLine() {
        // a full run that reuses the model continues the run that estimated it
        assertThat(ResolutionSettings.of(
                        IdentityConfig.fromMap(Map.of("probabilistic", Map.of("model", "reuse")), "identity")))
                .isEqualTo(ResolutionSettings.of(IdentityConfig.defaults()));
    }
}

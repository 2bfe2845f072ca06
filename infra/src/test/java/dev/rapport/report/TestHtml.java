package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestHtml {

    @Test
    void escapesEveryCharacterThatCouldOpenMarkupOrCloseAnAttribute() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void keepsOtherTextIncludingNonLatinScripts() {
        assertThat(Html.escape("Ђорђе, доставка; تحویل\tok")).isEqualTo("Ђорђе, доставка; تحویل\tok");
    }

    @Test
    void replacesControlCharactersAndTreatsNullAsEmpty() {
        assertThat(Html.escape("a\u0000b\u0007")).isEqualTo("a\uFFFDb\uFFFD");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void coordinatesHaveAtMostTwoDecimalsAndNoExponent() {
        assertThat(Html.coordinate(12.0)).isEqualTo("12");
        assertThat(Html.coordinate(12.345)).isEqualTo("12.35");
        assertThat(Html.coordinate(1e-9)).isEqualTo("0");
        assertThat(Html.coordinate(-0.001)).isEqualTo("0");
        assertThat(Html.coordinate(1.5e7)).isEqualTo("15000000");
        assertThatThrownBy(() -> Html.coordinate(Double.NaN)).hasMessageContaining("not finite");
    }

    @Test
    void scoresAreSignedWithOneDecimal() {
        assertThat(Html.signed(23.44)).isEqualTo("+23.4");
        assertThat(Html.signed(-5)).isEqualTo("-5.0");
        assertThat(Html.signed(0.01)).isEqualTo("0.0");
        assertThat(Html.percent(0.8734)).isEqualTo("87.3%");
        assertThat(Html.count(1234567)).isEqualTo("1,234,567");
    }
}

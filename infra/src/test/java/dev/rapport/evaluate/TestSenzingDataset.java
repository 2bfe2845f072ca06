package dev.rapport.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestSenzingDataset {

    @Test
    void readsTheBirthDateFormatsOfTheTruthSet() {
        assertThat(SenzingDataset.isoDate("12/11/1978")).isEqualTo("1978-12-11");
        assertThat(SenzingDataset.isoDate("20/8/1991")).isEqualTo("1991-08-20");
        assertThat(SenzingDataset.isoDate("3/1/70")).isEqualTo("1970-03-01");
        assertThat(SenzingDataset.isoDate("2/8/06")).isEqualTo("2006-02-08");
        assertThat(SenzingDataset.isoDate("15-Mar-92")).isEqualTo("1992-03-15");
        assertThat(SenzingDataset.isoDate("Mar 1 1970")).isEqualTo("1970-03-01");
        assertThat(SenzingDataset.isoDate("1993-09-14")).isEqualTo("1993-09-14");
    }

    @Test
    void anUnreadableDateIsLeftEmpty() {
        assertThat(SenzingDataset.isoDate("")).isEmpty();
        assertThat(SenzingDataset.isoDate("sometime in May")).isEmpty();
    }
}

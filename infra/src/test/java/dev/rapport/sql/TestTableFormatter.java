package dev.rapport.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestTableFormatter {

    private static final QueryResult RESULT = new QueryResult(
            List.of("name", "city", "nps"),
            List.of(
                    Arrays.asList("Ana Petrović", "Beograd", "42.5"),
                    Arrays.asList("Јован", null, "-10.0"),
                    Arrays.asList("O'Brien, Pat", "Cork \"the rebel\"", "0.0")));

    @Test
    void alignedPadsByCodePointsAndShowsNull() {
        assertThat(TableFormatter.aligned(RESULT))
                .isEqualTo("name         | city             | nps\n"
                        + "-------------+------------------+------\n"
                        + "Ana Petrović | Beograd          | 42.5\n"
                        + "Јован        | NULL             | -10.0\n"
                        + "O'Brien, Pat | Cork \"the rebel\" | 0.0\n"
                        + "(3 rows)\n");
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndLeavesNullEmpty() {
        assertThat(TableFormatter.csv(RESULT))
                .isEqualTo("name,city,nps\n"
                        + "Ana Petrović,Beograd,42.5\n"
                        + "Јован,,-10.0\n"
                        + "\"O'Brien, Pat\",\"Cork \"\"the rebel\"\"\",0.0\n");
    }

    @Test
    void anEmptyResultStillHasItsHeader() {
        QueryResult empty = new QueryResult(List.of("a"), List.of());

        assertThat(TableFormatter.aligned(empty)).isEqualTo("a\n-\n(0 rows)\n");
        assertThat(TableFormatter.csv(empty)).isEqualTo("a\n");
    }
}

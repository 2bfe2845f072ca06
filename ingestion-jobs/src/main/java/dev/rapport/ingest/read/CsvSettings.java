package dev.rapport.ingest.read;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.Charset;
import org.apache.commons.csv.CSVFormat;

/** How a source's CSV files are written. */
public record CsvSettings(char delimiter, char quote, boolean header, String encoding) implements Serializable {

    public CsvSettings {
        requireNonNull(encoding, "encoding is null");
    }

    public Charset charset() {
        return Charset.forName(encoding);
    }

    /**
     * Lenient about stray text after a closing quote and an unclosed quote at the end of a file: the
     * record then has the wrong number of fields and is quarantined, instead of failing the job.
     */
    public CSVFormat format() {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setQuote(quote)
                .setIgnoreEmptyLines(true)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
    }
}

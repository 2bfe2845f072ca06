package dev.rapport.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.config.SourceFormat;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRawRecordFormat {

    @TempDir
    Path dir;

    private List<RawRecord> read(SourceFormat format, CsvSettings csv, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        List<RawRecord> records = new ArrayList<>();
        try (RecordReader reader =
                new RawRecordFormat(format, csv, csv.charset()).open(new org.apache.flink.core.fs.Path(file.toUri()))) {
            RawRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    @Test
    void csvRecordsKeepTheLineTheyStartOn() throws IOException {
        CsvSettings csv = new CsvSettings(',', '"', true, "UTF-8");
        String text = "\uFEFFId,Note\n1,\"a, b\"\n2,\"two\nlines\"\n\n3,x,extra\n4,last";
        List<RawRecord> records = read(SourceFormat.CSV, csv, "c.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(records).extracting(r -> r.location).containsExactly("c.csv:2", "c.csv:3", "c.csv:6", "c.csv:7");
        assertThat(records.get(0).columns).containsExactly("Id", "Note");
        assertThat(records.get(0).values).containsExactly("1", "a, b");
        assertThat(records.get(1).values).containsExactly("2", "two\nlines");
        assertThat(records.get(0).error).isNull();
        assertThat(records.get(2).error).contains("3 fields", "header has 2");
        assertThat(records.get(2).payload).isEqualTo("3,x,extra");
    }

    @Test
    void csvInWindows1251WithSemicolons() throws IOException {
        CsvSettings csv = new CsvSettings(';', '"', true, "windows-1251");
        byte[] bytes = "id;ime\n1;Ђорђе\n".getBytes(Charset.forName("windows-1251"));
        List<RawRecord> records = read(SourceFormat.CSV, csv, "c.csv", bytes);
        assertThat(records).singleElement().satisfies(r -> assertThat(r.values).containsExactly("1", "Ђорђе"));
    }

    @Test
    void jsonLinesSkipBlankLinesButCountThem() throws IOException {
        CsvSettings csv = new CsvSettings(',', '"', true, "UTF-8");
        List<RawRecord> records =
                read(SourceFormat.JSONL, csv, "e.jsonl", "{\"a\":1}\n\n{broken\n".getBytes(StandardCharsets.UTF_8));
        assertThat(records).extracting(r -> r.location).containsExactly("e.jsonl:1", "e.jsonl:3");
        assertThat(records).extracting(r -> r.payload).containsExactly("{\"a\":1}", "{broken");
        assertThat(records.get(0).orderKey()).isLessThan(records.get(1).orderKey());
    }
}

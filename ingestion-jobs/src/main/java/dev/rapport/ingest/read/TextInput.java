package dev.rapport.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;

/** Opens text in a source's encoding, skipping a UTF-8 byte order mark (spreadsheet exports write one). */
public final class TextInput {

    private static final int BOM = '\uFEFF';

    private TextInput() {}

    public static Reader open(InputStream in, Charset charset) throws IOException {
        PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(in, charset)), 1);
        int first = reader.read();
        if (first != -1 && first != BOM) {
            reader.unread(first);
        }
        return reader;
    }
}

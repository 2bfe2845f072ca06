package dev.rapport.ingest.read;

import java.io.Closeable;
import java.io.IOException;

/** Reads the records of one file in order. */
interface RecordReader extends Closeable {

    /** The next record, or null at the end of the file. */
    RawRecord next() throws IOException;
}

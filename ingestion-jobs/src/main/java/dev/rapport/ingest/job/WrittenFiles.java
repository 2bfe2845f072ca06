package dev.rapport.ingest.job;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;

/**
 * The data files one writer task wrote, sent to the commit when its input ends; {@code paths} maps
 * the file ids the writer handed out (see {@link LocatedRowWriter}) to the files' paths.
 */
record WrittenFiles(List<DataFile> files, Map<Long, String> paths) implements Serializable {

    WrittenFiles {
        files = List.copyOf(files);
        paths = Map.copyOf(paths);
    }
}

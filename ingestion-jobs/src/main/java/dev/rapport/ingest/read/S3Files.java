package dev.rapport.ingest.read;

import java.util.Map;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.io.FileIO;

/**
 * Objects on S3 (or an S3-compatible store) through Iceberg's {@code S3FileIO}: the AWS SDK's default
 * credential chain, and the endpoint, path-style access and region a source sets.
 */
public final class S3Files {

    private S3Files() {}

    public static boolean isS3(String path) {
        return path.startsWith("s3://") || path.startsWith("s3a://") || path.startsWith("s3n://");
    }

    /** A FileIO for the source's S3 properties; close it after use. */
    public static FileIO open(Map<String, String> properties) {
        S3FileIO io = new S3FileIO();
        io.initialize(properties);
        return io;
    }
}

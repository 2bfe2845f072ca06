package dev.rapport.ingest.job;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.types.Either;
import org.apache.flink.util.InstantiationUtil;

/**
 * What the commit of an appended table receives: the files a writer task wrote (serialized {@link
 * WrittenFiles}), and the location (file id, position) of each row a later row of its key replaced.
 */
final class AppendMessages {

    static final TypeInformation<Either<byte[], Tuple2<Long, Long>>> TYPE = new EitherTypeInfo<>(
            PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO, new TupleTypeInfo<>(Types.LONG, Types.LONG));

    private AppendMessages() {}

    static Either<byte[], Tuple2<Long, Long>> written(WrittenFiles files) throws IOException {
        return Either.Left(InstantiationUtil.serializeObject(files));
    }

    static Either<byte[], Tuple2<Long, Long>> replaced(long fileId, long position) {
        return Either.Right(Tuple2.of(fileId, position));
    }
}

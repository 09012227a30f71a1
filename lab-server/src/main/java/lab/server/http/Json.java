package lab.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The server's one JSON writer: snake_case field names from record components ({@code inFlight} is {@code in_flight}). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Json() {
    }

    /** Serialises straight into a pooled buffer, with no intermediate byte array. */
    static ByteBuf write(ByteBufAllocator alloc, Object value) {
        ByteBuf buf = alloc.buffer(128);
        try (ByteBufOutputStream out = new ByteBufOutputStream(buf)) {
            MAPPER.writeValue((OutputStream) out, value); // the stream is also a DataOutput: pick the stream overload
            return buf;
        } catch (IOException e) {
            buf.release();
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}

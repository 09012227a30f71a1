package lab.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The lab's one JSON mapper: snake_case field names from record components ({@code inFlight} is
 * {@code in_flight}), the server's writer and every module's reader of the server's answers. It reads
 * strictly: a field the record does not know, or one of its components that is missing or null, is an
 * error (see {@link #problem}), so a renamed field cannot pass for a 0.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    private Json() {
    }

    /**
     * What was wrong with a body, in one line that names the field: {@code missing field in_flight},
     * {@code unknown field latency_ms.p99x}, or Jackson's own first line otherwise. A renamed field
     * is reported by its old name, missing: Jackson checks a record's components before the rest.
     */
    public static String problem(JsonProcessingException e) {
        String at = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field " + at;
        }
        String first = e.getOriginalMessage().lines().findFirst().orElse("");
        if (e instanceof MismatchedInputException && first.matches("Missing (required )?creator property.*")) {
            Matcher name = QUOTED.matcher(first);
            String field = name.find() ? name.group(1) : "?";
            return "missing field " + (at.endsWith(field) ? at : at.isEmpty() ? field : at + "." + field);
        }
        if (e instanceof MismatchedInputException && first.contains("Null value for creator property")) {
            return "null field " + at;
        }
        return first + (at.isEmpty() ? "" : " (at " + at + ")");
    }

    /** {@code latency_ms.p99}: the JSON names along the reference path, array indexes as {@code [i]}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
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
}

package lab.client.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import lab.server.stats.Percentiles;

/**
 * What the client's commands print: lab-server's one mapper ({@link lab.server.http.Json}: snake_case,
 * strict on read), with one difference for writing. The client's {@code latency_ms} is the five
 * percentiles the contract names ({@code p50} to {@code max}); the server's adds {@code count} and
 * {@code mean}, which the client's results leave out.
 */
public final class Json {

    public static final ObjectMapper MAPPER = lab.server.http.Json.MAPPER.copy()
            .addMixIn(Percentiles.class, ContractPercentiles.class);

    @JsonIgnoreProperties({"count", "mean"})
    private interface ContractPercentiles {
    }

    private Json() {
    }

    /** One compact line, as {@code --json} and {@code --each} print it. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

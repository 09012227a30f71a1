package lab.client.requests.call;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;

/**
 * What a client reads from an answer of {@code /api/items/{id}}: the echoed {@code id} and
 * {@code service_ms} of a 200, the {@code retry_after_ms} of a 429; absent ones are null and -1, and
 * a body that is not a JSON object gives none of them. Read with Jackson's streaming parser rather
 * than a tree from the ObjectMapper: a tree costs a deserialization context and a node per field on
 * every answer, which in a cold client's short run is interpreted code paid per request.
 */
record ItemBody(String id, long serviceMs, long retryAfterMs) {

    static final ItemBody NONE = new ItemBody(null, -1, -1);

    /**
     * One pool of parse buffers for every thread: the default pool keeps them per thread, and each
     * request runs on a virtual thread of its own, so every answer would allocate its buffers anew.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();

    static ItemBody parse(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            String id = null;
            long serviceMs = -1;
            long retryAfterMs = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "id" -> id = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "service_ms" -> serviceMs = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                    case "retry_after_ms" -> retryAfterMs = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                    default -> p.skipChildren();
                }
            }
            return new ItemBody(id, serviceMs, retryAfterMs);
        } catch (IOException e) {
            return NONE; // not JSON, or cut short: an answer without figures, judged by its status
        }
    }
}

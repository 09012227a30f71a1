package lab.client.cache;

import java.io.IOException;

/**
 * The slow source of truth behind a cache: {@code GET /api/items/{key}} in the lab. A call blocks
 * until the value is there; every call is one upstream call, which is what a cache exists to save.
 */
@FunctionalInterface
public interface Upstream {

    /**
     * Loads the value of {@code key}.
     *
     * @throws UpstreamException when the source answers with a failure (a 500, say)
     * @throws IOException       when it cannot be reached or the connection breaks
     */
    String load(String key) throws IOException, InterruptedException;
}

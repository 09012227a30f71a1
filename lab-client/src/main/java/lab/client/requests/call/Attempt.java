package lab.client.requests.call;

/**
 * One HTTP attempt at {@code GET /api/items/{id}}: the status (0 when no response came: a timeout,
 * a reset, a cancellation), the id and service time the server's body reported, its retry hint on a 429, and
 * the time from send to the full response.
 */
public record Attempt(int status, String echoedId, long serviceMs, long retryAfterMs, double latencyMs, String error) {

    public static final int NO_RESPONSE = 0;

    public boolean ok() {
        return status == 200;
    }

    public boolean rejected() {
        return status == 429;
    }

    /** 429, 500, 503 and a missing response may succeed on another try; a 400 or 404 never will. */
    public boolean retryable() {
        return status == 429 || status == 500 || status == 503 || status == NO_RESPONSE;
    }
}

package lab.client.cache;

/** The upstream answered, but not with a value (a 500, a 503): the load failed and must not be cached. */
public final class UpstreamException extends RuntimeException {

    private final int status;

    public UpstreamException(String key, int status) {
        super("upstream answered " + status + " for key '" + key + "'", null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package lab.client.requests.engine;

/** Everything at once, as {@code asyncio.gather} over every coroutine does: the limit is the server's problem. */
public final class NoLimit implements Limiter {

    private static final Permit FREE = outcome -> { };

    @Override
    public Permit acquire() {
        return FREE;
    }
}

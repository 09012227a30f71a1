package lab.client.cache;

import java.io.IOException;
import java.util.concurrent.CompletionException;

/** Calls an upstream from inside a future's task, where checked exceptions cannot travel as they are. */
final class Loads {

    private Loads() {
    }

    static String call(Upstream upstream, String key) {
        try {
            return upstream.load(key);
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}

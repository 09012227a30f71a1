package lab.client.requests.strategy;

import java.util.List;
import java.util.Set;

/**
 * One way to call the API for a list of ids. A strategy is built for one run from {@link Settings},
 * calls every id once (or more, if it retries), hands each result to the sink when it hands it on,
 * and returns every result, one per id, in input order.
 */
public interface RequestStrategy {

    List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException;

    /** What this strategy promises; the contract test holds it to each of them. */
    Set<Promise> promises();
}

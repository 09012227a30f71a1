package lab.client.requests.strategy;

/**
 * Where a strategy hands each result on: the consumer that, in the seed's words, gets each result as
 * it arrives. A strategy calls it from one thread at a time, so a sink needs no locking of its own.
 */
@FunctionalInterface
public interface ResultSink {

    void accept(Result result);

    ResultSink NONE = result -> { };
}

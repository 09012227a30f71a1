package lab.client.requests.wrong;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.client.requests.engine.FixedLimit;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Streaming;

/**
 * WRONG on purpose: promises gather's input order, but hands results on as they complete (it is
 * {@code streaming} under another name), so one slow id moves to the end: the seed's
 * {@code as_completed} where {@code gather} was asked for.
 */
public final class ClaimsInputOrderButStreams implements RequestStrategy {

    private final Streaming streaming;

    public ClaimsInputOrderButStreams(Settings settings) {
        this.streaming = new Streaming(settings, new FixedLimit(settings.concurrency()));
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        return streaming.run(ids, sink);
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.KEEPS_INPUT_ORDER);
    }
}

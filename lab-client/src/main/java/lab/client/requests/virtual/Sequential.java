package lab.client.requests.virtual;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.client.requests.call.Attempt;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/** One after another: the baseline every other strategy is measured against (wall time = sum of latencies). */
public final class Sequential implements RequestStrategy {

    private final Settings settings;

    public Sequential(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        List<Result> results = new ArrayList<>(ids.size());
        for (String id : ids) {
            long start = System.nanoTime();
            Attempt a = settings.client().call(id, settings.timeout());
            Result r = Result.of(id, a, 1, (System.nanoTime() - start) / 1e6);
            results.add(r);
            sink.accept(r);
        }
        return results;
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.KEEPS_INPUT_ORDER);
    }
}

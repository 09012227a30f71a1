package lab.client.requests.strategies;

import lab.client.requests.async.AsyncStreaming;
import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;

/** A CompletableFuture window on sendAsync, results as they complete. */
class StreamingAsyncTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        return new AsyncStreaming(settings);
    }
}

package lab.client.requests.strategies;

import lab.client.requests.async.AsyncBounded;
import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;

/** A CompletableFuture window on sendAsync. */
class BoundedAsyncTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        return new AsyncBounded(settings);
    }
}

package lab.client.requests.strategies;

import lab.client.requests.engine.BulkheadLimit;
import lab.client.requests.virtual.Bounded;
import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;

/** Virtual threads under resilience4j's bulkhead. */
class BoundedBulkheadTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        return new Bounded(settings, new BulkheadLimit(settings.concurrency()));
    }
}

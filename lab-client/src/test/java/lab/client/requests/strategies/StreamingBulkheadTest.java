package lab.client.requests.strategies;

import lab.client.requests.engine.BulkheadLimit;
import lab.client.requests.virtual.Streaming;
import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;

/** Virtual threads under resilience4j's bulkhead, results as they complete. */
class StreamingBulkheadTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        return new Streaming(settings, new BulkheadLimit(settings.concurrency()));
    }
}

package lab.client.requests.strategies;

import lab.client.requests.engine.FixedLimit;
import lab.client.requests.virtual.Bounded;
import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;

/** Virtual threads under the hand-written semaphore. */
class BoundedTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        return new Bounded(settings, new FixedLimit(settings.concurrency()));
    }
}

package lab.client.requests.strategies;

import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.engine.FixedLimit;
import lab.client.requests.lean.LeanFamily;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Bounded;

/** Bounded under the hand-written semaphore, on plain sockets. */
class BoundedLeanTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        Settings lean = LeanFamily.settings(settings);
        return new Bounded(lean, new FixedLimit(lean.concurrency()));
    }
}

package lab.client.requests.strategies;

import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.engine.FixedLimit;
import lab.client.requests.lean.LeanFamily;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Streaming;

/** Streaming under the hand-written semaphore, on plain sockets. */
class StreamingLeanTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        Settings lean = LeanFamily.settings(settings);
        return new Streaming(lean, new FixedLimit(lean.concurrency()));
    }
}

package lab.client.requests.strategies;

import lab.client.requests.virtual.Deadline;
import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;

/** Streaming with a per-request timeout and a deadline that cancel. */
class DeadlineTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        return new Deadline(settings);
    }
}

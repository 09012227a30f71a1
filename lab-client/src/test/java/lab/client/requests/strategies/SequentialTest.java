package lab.client.requests.strategies;

import lab.client.requests.virtual.Sequential;
import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;

/** One after another, on the calling thread. */
class SequentialTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        return new Sequential(settings);
    }
}

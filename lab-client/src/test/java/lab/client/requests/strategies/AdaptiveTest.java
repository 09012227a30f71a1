package lab.client.requests.strategies;

import lab.client.requests.virtual.Adaptive;
import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;

/** Finds the limit from 429s. */
class AdaptiveTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        return new Adaptive(settings);
    }
}

package lab.client.requests.strategies;

import lab.client.requests.virtual.Unbounded;
import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;

/** All at once: makes no promise about the limit, so it is judged only on its answers. */
class UnboundedTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        return new Unbounded(settings);
    }
}

package lab.client.requests.strategies;

import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.lean.LeanFamily;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Retrying;

/** Retrying on plain sockets. */
class RetryingLeanTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        Settings lean = LeanFamily.settings(settings);
        return new Retrying(lean);
    }
}

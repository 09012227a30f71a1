package lab.client.requests.strategies;

import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.lean.LeanFamily;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Adaptive;

/** Adaptive on plain sockets. */
class AdaptiveLeanTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        Settings lean = LeanFamily.settings(settings);
        return new Adaptive(lean);
    }
}

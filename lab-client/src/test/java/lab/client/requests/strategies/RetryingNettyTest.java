package lab.client.requests.strategies;

import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.netty.NettyFamily;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Retrying;

/** Retrying through Netty's HTTP client codec. */
class RetryingNettyTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        Settings netty = NettyFamily.settings(settings);
        return new Retrying(netty);
    }
}

package lab.client.requests.strategies;

import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.engine.FixedLimit;
import lab.client.requests.netty.NettyFamily;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Bounded;

/** Bounded under the hand-written semaphore, through Netty's HTTP client codec. */
class BoundedNettyTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        Settings netty = NettyFamily.settings(settings);
        return new Bounded(netty, new FixedLimit(netty.concurrency()));
    }
}

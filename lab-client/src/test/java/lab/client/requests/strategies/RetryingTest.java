package lab.client.requests.strategies;

import lab.client.requests.virtual.Retrying;
import lab.client.requests.contract.RequestStrategyContract;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;

/** Streaming plus retries of failed ids only. */
class RetryingTest extends RequestStrategyContract {

    @Override
    protected RequestStrategy strategy(Settings settings) {
        return new Retrying(settings);
    }
}

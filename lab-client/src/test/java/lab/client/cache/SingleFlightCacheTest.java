package lab.client.cache;

/** The hand-written single flight keeps the whole contract. */
class SingleFlightCacheTest extends CacheStrategyContract {

    @Override
    protected CacheStrategy create(CacheConfig config) {
        return StrategyName.SINGLE_FLIGHT.create(config);
    }
}

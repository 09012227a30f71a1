package lab.client.cache;

/** Caffeine's AsyncLoadingCache, with the two additions its class comment names, keeps the whole contract. */
class CaffeineCacheTest extends CacheStrategyContract {

    @Override
    protected CacheStrategy create(CacheConfig config) {
        return StrategyName.CAFFEINE.create(config);
    }
}

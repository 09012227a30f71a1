package lab.client.cache;

import java.util.function.Function;

/** The strategies of the {@code cache} command, by their command-line names. */
public enum StrategyName {
    NAIVE("naive", NaiveCache::new),
    GLOBAL_LOCK("global-lock", GlobalLockCache::new),
    SINGLE_FLIGHT("single-flight", SingleFlightCache::new),
    CAFFEINE("caffeine", CaffeineCache::new);

    private final String cliName;
    private final Function<CacheConfig, CacheStrategy> factory;

    StrategyName(String cliName, Function<CacheConfig, CacheStrategy> factory) {
        this.cliName = cliName;
        this.factory = factory;
    }

    public CacheStrategy create(CacheConfig config) {
        return factory.apply(config);
    }

    public String cliName() {
        return cliName;
    }

    @Override
    public String toString() {
        return cliName;
    }
}

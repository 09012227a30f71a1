package lab.client.requests.engine;

import lab.client.requests.strategy.Result;

/**
 * What to do for one id, started with the permit that let it in. The task gives that permit back
 * when its attempt ends, and acquires a new one for any further attempt, so a task waiting out a
 * backoff holds no slot.
 */
@FunctionalInterface
public interface Task {

    Result run(String id, Limiter.Permit permit) throws InterruptedException;
}

package lab.client.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedSemaphoreTest {

    @Test
    void refusesAReleaseBeyondItsInitialPermits() throws Exception {
        BoundedSemaphore permits = new BoundedSemaphore(2);
        assertThatThrownBy(permits::release).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released more than acquired");
        permits.acquire();
        permits.release();
        assertThatThrownBy(permits::release).isInstanceOf(IllegalStateException.class);
        assertThat(permits.tryAcquire()).isTrue();
        assertThat(permits.tryAcquire()).isTrue();
        assertThat(permits.tryAcquire()).as("a third permit of two").isFalse();
    }

    @Test
    void theDoubleReleaseIsRefusedAndThePoolKeepsItsSize() throws Exception {
        Permits permits = Permits.bounded(3);
        assertThat(ConnectionPoolExercise.retryWithDoubleRelease(permits)).as("extra release refused").isTrue();
        assertThat(holdAll(permits)).as("connections the pool hands out after the bug").isEqualTo(3);
    }

    @Test
    void plainSemaphoreTakesTheDoubleReleaseAndHandsOutAFourthConnection() throws Exception {
        Permits permits = Permits.plain(3);
        assertThat(ConnectionPoolExercise.retryWithDoubleRelease(permits)).as("extra release refused").isFalse();
        assertThat(holdAll(permits)).as("connections a pool of 3 hands out after the bug").isEqualTo(4);
    }

    private static int holdAll(Permits permits) {
        int held = 0;
        while (held < 100 && permits.tryAcquire()) {
            held++;
        }
        return held;
    }
}

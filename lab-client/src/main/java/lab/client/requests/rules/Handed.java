package lab.client.requests.rules;

import java.util.Objects;

/**
 * One result as it was handed on, whoever produced it: a strategy in this JVM or someone else's
 * program printing {@code ID STATUS}.
 *
 * @param id     the id it is the result of
 * @param status its final status as the client saw it: {@code 200}, {@code 429}, {@code 500},
 *               {@code 503}, {@code timeout}, {@code error} (or {@code 0}, a strategy's "no response")
 * @param detail why it failed, when the client said (may be null)
 */
public record Handed(String id, String status, String detail) {

    public Handed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    public boolean ok() {
        return status.equals("200");
    }
}

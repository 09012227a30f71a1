package lab.client.hash.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import lab.client.hash.algorithm.PasswordHasher;

/** One hash after another on the caller's thread. */
final class SequentialHasher implements BatchHasher {

    private final PasswordHasher hasher;
    private final Salts salts = new Salts();

    SequentialHasher(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public List<String> hash(List<String> passwords, LongConsumer hashed) {
        List<String> out = new ArrayList<>(passwords.size());
        for (String password : passwords) {
            out.add(hasher.hash(password, salts.next()));
            hashed.accept(1);
        }
        return out;
    }

    @Override
    public void close() {
    }
}

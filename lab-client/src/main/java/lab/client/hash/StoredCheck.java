package lab.client.hash;

import lab.client.hash.algorithm.PasswordHasher;
import lab.client.hash.db.UsersTable.Stored;

/**
 * What one user's row says against their plaintext: the check of {@code hash verify}, kept apart
 * from its command so that {@code judge hash} verifies a candidate's rows with the same code.
 */
public final class StoredCheck {

    /** A row's state, in the order it is decided: a missing row is not also unhashed. */
    public enum Outcome {
        /** The hash is a PHC string of this password, and the plaintext is cleared. */
        OK,
        /** The hash is not of this password (or not a PHC string of a known algorithm). */
        MISMATCHED,
        /** No hash. */
        UNHASHED,
        /** No such id in the table. */
        MISSING,
        /** The hash is of this password, but the plaintext is still there. */
        PLAINTEXT_LEFT;

        /** Whether the stored hash is one of this password, plaintext cleared or not. */
        public boolean hashMatches() {
            return this == OK || this == PLAINTEXT_LEFT;
        }
    }

    private StoredCheck() {
    }

    /** Judges {@code stored} (null when the id is absent) against the user's {@code password}. */
    public static Outcome of(String password, Stored stored) {
        if (stored == null) {
            return Outcome.MISSING;
        }
        if (stored.passwordHash() == null) {
            return Outcome.UNHASHED;
        }
        if (!matches(password, stored.passwordHash())) {
            return Outcome.MISMATCHED;
        }
        return stored.password() != null ? Outcome.PLAINTEXT_LEFT : Outcome.OK;
    }

    private static boolean matches(String password, String phc) {
        try {
            return PasswordHasher.verify(password, phc);
        } catch (IllegalArgumentException e) {
            return false; // not a PHC string of a known algorithm
        }
    }
}

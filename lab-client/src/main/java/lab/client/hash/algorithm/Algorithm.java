package lab.client.hash.algorithm;

/** The password hashes the lab writes. Lower-case constants, because they are the CLI's spelling. */
public enum Algorithm {
    /** PBKDF2-HMAC-SHA256, PHC id {@code pbkdf2-sha256}. */
    pbkdf2,
    /** Argon2id version 0x13, PHC id {@code argon2id}. */
    argon2
}

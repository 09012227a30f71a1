package lab.client.hash.db;

/** One user still holding a plaintext password. */
public record Row(long id, String password) {
}

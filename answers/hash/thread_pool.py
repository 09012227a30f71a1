"""The password migration, the seed's way done right: a pool of LAB_WORKERS threads.

hashlib.pbkdf2_hmac releases the GIL while OpenSSL hashes, so threads hash on every core at once.
The event loop hands each password of a batch to the pool (run_in_executor) and awaits them all,
and hands on the next batch before saving this one, so the pool never waits for the database; the
pool lives outside the batches, so it is never shut while work is owed to it. Each batch's
hashes are written and its plaintexts cleared in one transaction, guarded by
`password IS NOT NULL`: a kill loses at most the batch in hand, and a rerun takes only the rows
still in plaintext.
"""
import asyncio
import base64
import concurrent.futures
import hashlib
import os
import sqlite3

BATCH = 100


def phc(password, iterations):
    """$pbkdf2-sha256$i=N$salt$hash of the UTF-8 password, a fresh 16-byte salt, unpadded Base64."""
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, 32)
    b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
    return f"$pbkdf2-sha256$i={iterations}${b64(salt)}${b64(key)}"


def next_batch(db, after):
    return db.execute("SELECT id, password FROM users WHERE id > ? AND password IS NOT NULL ORDER BY id LIMIT ?",
                      (after, BATCH)).fetchall()


def save(db, rows, hashes):
    with db:  # one transaction: every hash of the batch and every plaintext cleared, or none
        db.executemany("UPDATE users SET password_hash = ?, password = NULL WHERE id = ? AND password IS NOT NULL",
                       [(h, user_id) for (user_id, _), h in zip(rows, hashes)])


async def main():
    iterations = int(os.environ["LAB_ITERATIONS"])
    db = sqlite3.connect(os.environ["LAB_DB"], timeout=30)
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=int(os.environ["LAB_WORKERS"])) as pool:
        submit = lambda rows: [loop.run_in_executor(pool, phc, password, iterations) for _, password in rows]
        rows = next_batch(db, 0)
        pending = submit(rows)
        while rows:
            hashes = await asyncio.gather(*pending)
            following = next_batch(db, rows[-1][0])
            pending = submit(following)  # the pool hashes the next batch while this one is saved
            save(db, rows, hashes)
            rows = following
    db.close()


asyncio.run(main())

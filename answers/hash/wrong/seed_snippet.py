"""Wrong: the seed's snippet as written, completed into a program over the table.

Every plaintext is read, each is handed to a pool of 100 threads inside `with ThreadPoolExecutor`,
and `gather` is awaited after the block. Leaving the block calls pool.shutdown(wait=True) on the
event loop's own thread, so the loop is frozen until the last hash is done; only then are the
results gathered and, as the snippet returns them all at once, written in one go. A kill at any
moment before the end loses every hash done so far (and 100 threads for CPU work on a few cores
buy nothing over one per core).
"""
import asyncio
import base64
import functools
import hashlib
import os
import sqlite3
from concurrent.futures.thread import ThreadPoolExecutor

ITERATIONS = int(os.environ["LAB_ITERATIONS"])
SEED_WORKERS = 100  # the seed's pool size, whatever LAB_WORKERS says


def phc(password):
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, ITERATIONS, 32)
    b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
    return f"$pbkdf2-sha256$i={ITERATIONS}${b64(salt)}${b64(key)}"


async def hash_everything(plaintexts):
    """The seed's shape: submit inside the pool's `with`, await after it, return the whole list."""
    loop = asyncio.get_running_loop()
    pending = []
    with ThreadPoolExecutor(max_workers=SEED_WORKERS) as pool:
        for plaintext in plaintexts:
            pending.append(loop.run_in_executor(pool, functools.partial(phc, plaintext)))
    # Only reached once the `with` block's shutdown(wait=True) has waited out every hash, on the loop's thread.
    return await asyncio.gather(*pending)


async def main():
    db = sqlite3.connect(os.environ["LAB_DB"], timeout=30)
    rows = db.execute("SELECT id, password FROM users WHERE password IS NOT NULL ORDER BY id").fetchall()
    hashes = await hash_everything([password for _, password in rows])
    with db:
        db.executemany("UPDATE users SET password_hash = ?, password = NULL WHERE id = ? AND password IS NOT NULL",
                       [(h, user_id) for (user_id, _), h in zip(rows, hashes)])
    db.close()


asyncio.run(main())

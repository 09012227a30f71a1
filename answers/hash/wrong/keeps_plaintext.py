"""Wrong: the hashes are written, but the plaintexts are left where they were.

A thread pool like the reference's, batches in one transaction each, every hash right; the table
then holds each password twice, once hashed and once in the clear, which was the problem to solve.
"""
import asyncio
import base64
import concurrent.futures
import hashlib
import os
import sqlite3

BATCH = 100


def phc(password, iterations):
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, 32)
    b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
    return f"$pbkdf2-sha256$i={iterations}${b64(salt)}${b64(key)}"


async def main():
    iterations = int(os.environ["LAB_ITERATIONS"])
    db = sqlite3.connect(os.environ["LAB_DB"], timeout=30)
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=int(os.environ["LAB_WORKERS"])) as pool:
        while rows := db.execute("SELECT id, password FROM users WHERE password_hash IS NULL ORDER BY id LIMIT ?",
                                 (BATCH,)).fetchall():
            hashes = await asyncio.gather(*(loop.run_in_executor(pool, phc, password, iterations) for _, password in rows))
            with db:
                db.executemany("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash IS NULL",
                               [(h, user_id) for (user_id, _), h in zip(rows, hashes)])
    db.close()


asyncio.run(main())

"""Wrong: every hash on one thread, whatever LAB_WORKERS says.

Correct and crash-safe (each batch saved in one guarded transaction), but CPU work in a plain loop
uses one core of the machine: on 2 cores, at most half the rate a pool reaches.
"""
import base64
import hashlib
import os
import sqlite3

BATCH = 100


def phc(password, iterations):
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, 32)
    b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
    return f"$pbkdf2-sha256$i={iterations}${b64(salt)}${b64(key)}"


def main():
    iterations = int(os.environ["LAB_ITERATIONS"])
    db = sqlite3.connect(os.environ["LAB_DB"], timeout=30)
    last = 0
    while rows := db.execute("SELECT id, password FROM users WHERE id > ? AND password IS NOT NULL ORDER BY id LIMIT ?",
                             (last, BATCH)).fetchall():
        hashes = [phc(password, iterations) for _, password in rows]
        with db:
            db.executemany("UPDATE users SET password_hash = ?, password = NULL WHERE id = ? AND password IS NOT NULL",
                           [(h, user_id) for (user_id, _), h in zip(rows, hashes)])
        last = rows[-1][0]
    db.close()


main()

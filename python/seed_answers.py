"""The seed's own answers to the password task, written for the lab so that Java and Python are
measured side by side on the same table, passwords and cost.

The table is the one `lab-client hash seed` makes (users(id, login, password, password_hash), SQLite).
Every batch of plaintexts is read, hashed, and written back with its plaintexts cleared in one
transaction, guarded by `password IS NOT NULL`, as `hash migrate` does; the strings are the lab's
PHC form ($pbkdf2-sha256$i=N$salt$hash, standard Base64 without padding), so `hash verify` checks them.

Answers (--answer):
  threads    the seed's answer done right: asyncio, a ThreadPoolExecutor(--workers, default 100),
             loop.run_in_executor per password, then asyncio.gather; the pool outlives the batches
             and its threads are all started before the clock.
  processes  the same with a ProcessPoolExecutor(--workers, default the cores), started before the clock.
  flawed     the seed's snippet as written: the pool's `with` block ends before the results are
             awaited, so leaving it waits for every hash on the event loop's own thread.

One JSON object on stdout. Besides the rate it reports `loop_max_stall_ms`: a heartbeat task asks to
wake every 10 ms and records how late it woke, the worst gap, i.e. how long the event loop could not
serve anything else (a web request, say) while the passwords were being hashed.
"""

import argparse
import asyncio
import base64
import concurrent.futures
import hashlib
import json
import os
import sqlite3
import sys
import threading
import time

HEARTBEAT_S = 0.010


def phc(password: str, iterations: int) -> str:
    """PBKDF2-HMAC-SHA256 of the UTF-8 password with a fresh 16-byte salt, as the lab writes it."""
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, 32)
    b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
    return f"$pbkdf2-sha256$i={iterations}${b64(salt)}${b64(key)}"


def ready(_) -> int:
    return os.getpid()


class Heartbeat:
    """How late a 10 ms sleep on the loop wakes up, at worst: the loop's longest stall."""

    def __init__(self):
        self.worst = 0.0
        self.running = True

    async def run(self):
        loop = asyncio.get_running_loop()
        while self.running:
            asked = loop.time()
            await asyncio.sleep(HEARTBEAT_S)
            self.worst = max(self.worst, loop.time() - asked - HEARTBEAT_S)


def claim(db, batch):
    return db.execute("SELECT id, password FROM users WHERE password IS NOT NULL ORDER BY id LIMIT ?", (batch,)).fetchall()


def write(db, rows, hashes):
    with db:  # one transaction per batch: all of it or none of it
        db.executemany("UPDATE users SET password_hash = ?, password = NULL WHERE id = ? AND password IS NOT NULL",
                       [(h, row[0]) for row, h in zip(rows, hashes)])


async def migrate(args, pool):
    loop = asyncio.get_running_loop()
    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    hashed = batches = 0
    while rows := claim(db, args.batch):
        if args.answer == "flawed":
            # The seed's snippet: leaving `with` calls pool.shutdown(wait=True) here, on the loop's thread.
            with concurrent.futures.ThreadPoolExecutor(max_workers=args.workers) as batch_pool:
                tasks = [loop.run_in_executor(batch_pool, phc, password, args.iterations) for _, password in rows]
            hashes = await asyncio.gather(*tasks)
        else:
            hashes = await asyncio.gather(*(loop.run_in_executor(pool, phc, password, args.iterations) for _, password in rows))
        write(db, rows, hashes)
        hashed += len(rows)
        batches += 1
    db.close()
    return hashed, batches


async def main(args):
    cores = os.cpu_count()
    workers = args.workers or (100 if args.answer != "processes" else cores)
    args.workers = workers
    setup = time.perf_counter()
    if args.answer == "processes":
        pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers)
        # Start every worker process before the clock, as the lab's processes strategy does.
        list(pool.map(ready, range(workers * 4)))
    elif args.answer == "threads":
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers)
        # Start all its threads before the clock too: a pool starts them one per submit, and each
        # start waits for the new thread to be scheduled, on cores the earlier threads keep busy
        # hashing (measured: 100 starts held the loop for over a second on 2 cores).
        barrier = threading.Barrier(workers)
        list(pool.map(lambda _: barrier.wait(), range(workers)))
    else:
        pool = None
    startup_ms = (time.perf_counter() - setup) * 1000
    heartbeat = Heartbeat()
    beating = asyncio.ensure_future(heartbeat.run())
    await asyncio.sleep(HEARTBEAT_S * 2)
    start = time.perf_counter()
    hashed, batches = await migrate(args, pool)
    wall = time.perf_counter() - start
    heartbeat.running = False
    await beating
    if pool is not None:
        pool.shutdown()
    print(json.dumps({
        "tool": "python " + args.answer, "python": sys.version.split()[0], "executable": sys.executable,
        "strategy": "py-" + args.answer, "workers": workers, "algorithm": "pbkdf2", "iterations": args.iterations,
        "batch": args.batch, "hashed": hashed, "batches": batches, "wall_ms": round(wall * 1000),
        "hashes_per_s": round(hashed / wall, 1), "startup_ms": round(startup_ms),
        "loop_max_stall_ms": round(heartbeat.worst * 1000, 1), "cores": cores, "db": "sqlite"}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="The seed's Python answers to the password task, on a lab users table.")
    parser.add_argument("--db", required=True, help="SQLite file made by 'lab-client hash seed'")
    parser.add_argument("--answer", choices=["threads", "processes", "flawed"], default="threads")
    parser.add_argument("--workers", type=int, default=0, help="pool size (default: 100 threads, or the cores for processes)")
    parser.add_argument("--iterations", type=int, default=600_000)
    parser.add_argument("--batch", type=int, default=500)
    parsed = parser.parse_args()
    if parsed.iterations < 1 or parsed.batch < 1 or parsed.workers < 0:
        parser.error("--iterations and --batch must be at least 1, --workers at least 0")
    if not os.path.exists(parsed.db):
        parser.error(f"no such SQLite file: {parsed.db}")
    asyncio.run(main(parsed))

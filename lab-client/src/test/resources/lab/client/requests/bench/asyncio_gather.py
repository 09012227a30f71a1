"""The seed's answer to "call an API that serves 10 at a time", written for the lab's bench as the
asyncio peer of the Java families: one aiohttp session, asyncio.Semaphore(C) around each call,
asyncio.gather for all of them (results in input order).

Environment: LAB_URL, LAB_REQUESTS (ids 1..N), LAB_CONCURRENCY (C). Like lab-client, it opens its
connections with concurrent GET /health calls (which the server never counts) before the clock
starts. Prints one JSON line: ok, failed, rejected, wall_ms, ttfr_ms (for gather, every result is
handed on at the end).
"""
import asyncio
import json
import os
import time

import aiohttp


async def main():
    url = os.environ["LAB_URL"].rstrip("/")
    n = int(os.environ["LAB_REQUESTS"])
    limit = asyncio.Semaphore(int(os.environ["LAB_CONCURRENCY"]))
    async with aiohttp.ClientSession() as session:
        async def health():
            async with session.get(url + "/health") as r:
                await r.read()

        await asyncio.gather(*(health() for _ in range(int(os.environ["LAB_CONCURRENCY"]))))

        async def fetch(item):
            async with limit:
                async with session.get(f"{url}/api/items/{item}") as r:
                    await r.json()
                    return r.status

        start = time.perf_counter()
        statuses = await asyncio.gather(*(fetch(i) for i in range(1, n + 1)))
        wall = (time.perf_counter() - start) * 1000
    print(json.dumps({"ok": statuses.count(200), "failed": n - statuses.count(200),
                      "rejected": statuses.count(429), "wall_ms": round(wall, 3), "ttfr_ms": round(wall, 3)}))


asyncio.run(main())

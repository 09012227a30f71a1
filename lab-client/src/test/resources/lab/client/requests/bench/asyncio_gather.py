"""The seed's answer to "call an API that serves 10 at a time", written for the lab's bench as the
asyncio peer of the Java families: one aiohttp session, asyncio.Semaphore(C) around each call,
asyncio.gather for all of them (results in input order).

Environment: LAB_URL, LAB_REQUESTS (ids 1..N), LAB_CONCURRENCY (C). Like lab-client, it opens its
connections with concurrent GET /health calls (which the server never counts) before the clock
starts. Prints one JSON line: ok, failed, rejected, wall_ms, first_wave_fastest_service_ms (the
fastest service time the server drew for ids 1..C, the bound of the first result), ttfr_ms (for gather, every result is
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
    c = int(os.environ["LAB_CONCURRENCY"])
    limit = asyncio.Semaphore(c)
    async with aiohttp.ClientSession() as session:
        async def health():
            async with session.get(url + "/health") as r:
                await r.read()

        await asyncio.gather(*(health() for _ in range(c)))

        async def fetch(item):
            async with limit:
                async with session.get(f"{url}/api/items/{item}") as r:
                    body = await r.json(content_type=None)
                    return item, r.status, body.get("service_ms", -1)

        start = time.perf_counter()
        results = await asyncio.gather(*(fetch(i) for i in range(1, n + 1)))
        wall = (time.perf_counter() - start) * 1000
    statuses = [status for _, status, _ in results]
    first_wave = [ms for item, status, ms in results if item <= c and status == 200]
    print(json.dumps({"ok": statuses.count(200), "failed": n - statuses.count(200),
                      "rejected": statuses.count(429),
                      "first_wave_fastest_service_ms": min(first_wave, default=0), "wall_ms": round(wall, 3), "ttfr_ms": round(wall, 3)}))


asyncio.run(main())

"""WRONG: check, then load. Every caller that misses before the first load returns loads too.

The seed's problem as it stands without its lock: all callers check the cache at once, all find
it empty, all call upstream. The judge counts the upstream calls at the server (and the server,
serving only 10 at a time, refuses most of them with 429).
"""
import asyncio
import os

import aiohttp

cache = {}


async def get_value(session, base, key):
    if key not in cache:
        async with session.get(f"{base}/api/items/{key}") as response:
            await response.read()
            cache[key] = response.status
    return cache[key]


async def caller(session, base, number, key):
    try:
        status = await get_value(session, base, key)
    except aiohttp.ClientError:
        status = "error"
    print(number, key, status, flush=True)


async def main():
    base = os.environ["LAB_URL"]
    callers = int(os.environ["LAB_CALLERS"])
    keys = int(os.environ["LAB_KEYS"])
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(caller(session, base, i, f"k{i % keys}") for i in range(callers)))


asyncio.run(main())

"""The cache stampede, answered: one in-flight load per key, shared by every caller that misses it.

The first caller to miss a key starts its load as a task and leaves it in `loading`; every caller
after it awaits that same task instead of calling upstream again. Different keys have different
tasks, so they load at the same time (there is no lock at all: between two awaits, asyncio code
runs alone, so the check and the insert cannot be interleaved). A failed load is not cached: it
is forgotten, and the next caller tries again. Each waiter awaits the task through
asyncio.shield, so a caller that gives up does not cancel the load for the others.
"""
import asyncio
import os

import aiohttp

cache = {}
loading = {}


async def load(session, base, key):
    async with session.get(f"{base}/api/items/{key}") as response:
        body = await response.read()
        if response.status != 200:
            raise RuntimeError(f"upstream answered {response.status}")
        return response.status, body


async def get_value(session, base, key):
    if key in cache:
        return cache[key]
    task = loading.get(key)
    if task is None:
        task = asyncio.ensure_future(load(session, base, key))
        loading[key] = task
    try:
        value = await asyncio.shield(task)
    except Exception:
        if loading.get(key) is task:
            del loading[key]  # not cached: the next caller loads again
        raise
    cache[key] = value
    loading.pop(key, None)
    return value


async def caller(session, base, number, key):
    try:
        status, _ = await get_value(session, base, key)
    except Exception:
        status = "error"
    print(number, key, status, flush=True)


async def main():
    base = os.environ["LAB_URL"]
    callers = int(os.environ["LAB_CALLERS"])
    keys = int(os.environ["LAB_KEYS"])
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(caller(session, base, i, f"k{i % keys}") for i in range(callers)))


asyncio.run(main())

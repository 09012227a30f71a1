"""WRONG (retry step): when any id failed, the whole batch is sent again.

Every id ends 200 in the end, but the ones that had already succeeded are asked for again, each
time: the server answers 200 to far more requests than there are ids. The judge's retry step
catches it by the server's 200 count.
"""
import asyncio
import os

import aiohttp


async def fetch(session, semaphore, base, item):
    try:
        async with semaphore:
            async with session.get(f"{base}/api/items/{item}") as response:
                await response.read()
                return response.status
    except aiohttp.ClientError:
        return "error"


async def main():
    base = os.environ["LAB_URL"]
    ids = range(1, int(os.environ["LAB_REQUESTS"]) + 1)
    retries = int(os.environ.get("LAB_RETRIES", "0"))
    semaphore = asyncio.Semaphore(int(os.environ["LAB_CONCURRENCY"]))
    async with aiohttp.ClientSession() as session:
        for _ in range(retries + 1):
            statuses = await asyncio.gather(*(fetch(session, semaphore, base, i) for i in ids))
            if all(s == 200 for s in statuses):
                break  # the mistake: one failure anywhere re-runs everything, successes included
    for item, status in zip(ids, statuses):
        print(item, status, flush=True)


asyncio.run(main())

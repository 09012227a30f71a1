"""Step semaphore: at most LAB_CONCURRENCY requests in flight, taken before each request starts.

The seed's second answer. Right for the gather and semaphore steps. It still prints only after
gather has every result, in input order: the classic mistake of the as-completed step, where one
slow id holds back every line.
"""
import asyncio
import os

import aiohttp


async def fetch(session, semaphore, base, item):
    async with semaphore:  # held from before the request is sent until its whole answer is read
        async with session.get(f"{base}/api/items/{item}") as response:
            await response.read()
            return response.status


async def main():
    base = os.environ["LAB_URL"]
    ids = range(1, int(os.environ["LAB_REQUESTS"]) + 1)
    semaphore = asyncio.Semaphore(int(os.environ["LAB_CONCURRENCY"]))
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, semaphore, base, i) for i in ids), return_exceptions=True)
    for item, status in zip(ids, statuses):
        print(item, "error" if isinstance(status, BaseException) else status, flush=True)


asyncio.run(main())

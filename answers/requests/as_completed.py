"""Step as-completed: limited, and each result printed (and flushed) the moment it arrives.

The seed's third answer. Each coroutine returns its own id with its status, since
asyncio.as_completed hands results back in completion order, not in the order of the ids.
Right up to the as-completed step; it never tries a failed id again, so the retry step fails it.
"""
import asyncio
import os

import aiohttp


async def fetch(session, semaphore, base, item):
    try:
        async with semaphore:
            async with session.get(f"{base}/api/items/{item}") as response:
                await response.read()
                return item, response.status
    except aiohttp.ClientError:
        return item, "error"


async def main():
    base = os.environ["LAB_URL"]
    ids = range(1, int(os.environ["LAB_REQUESTS"]) + 1)
    semaphore = asyncio.Semaphore(int(os.environ["LAB_CONCURRENCY"]))
    async with aiohttp.ClientSession() as session:
        for next_done in asyncio.as_completed([fetch(session, semaphore, base, i) for i in ids]):
            item, status = await next_done
            print(item, status, flush=True)


asyncio.run(main())

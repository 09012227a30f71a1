"""Step retry: limited, printed as completed, and only the failed ids tried again.

An id is retried where it failed, up to LAB_RETRIES more times (none when unset), after a short
jittered backoff spent *outside* the semaphore, so a waiting retry holds no slot. An id that
succeeded is never sent again. Right up to the retry step; it has no timeout, so the timeout
step's hanging ids keep it waiting until the judge kills it.
"""
import asyncio
import os
import random

import aiohttp

RETRYABLE = {429, 500, 502, 503, 504}


async def attempt(session, semaphore, url):
    try:
        async with semaphore:
            async with session.get(url) as response:
                await response.read()
                return response.status
    except aiohttp.ClientError:
        return "error"


async def fetch(session, semaphore, base, item, retries):
    url = f"{base}/api/items/{item}"
    for tried in range(retries + 1):
        status = await attempt(session, semaphore, url)
        if status not in RETRYABLE and status != "error":
            break
        if tried < retries:
            await asyncio.sleep(random.uniform(0, 0.005 * 2 ** tried))
    return item, status


async def main():
    base = os.environ["LAB_URL"]
    ids = range(1, int(os.environ["LAB_REQUESTS"]) + 1)
    retries = int(os.environ.get("LAB_RETRIES", "0"))
    semaphore = asyncio.Semaphore(int(os.environ["LAB_CONCURRENCY"]))
    async with aiohttp.ClientSession() as session:
        for next_done in asyncio.as_completed([fetch(session, semaphore, base, i, retries) for i in ids]):
            item, status = await next_done
            print(item, status, flush=True)


asyncio.run(main())

"""Step timeout: every step's answer, and each attempt bounded by LAB_TIMEOUT_MS.

asyncio.wait_for cancels the attempt when its time is up; cancelling an aiohttp request closes
its connection, and that close is what frees the request's slot at the server. The timeout wraps
the request only, inside the semaphore: time spent waiting for a slot is not the server's fault.
A timed-out attempt is retried like any failure, when LAB_RETRIES allows.
"""
import asyncio
import os
import random

import aiohttp

RETRYABLE = {429, 500, 502, 503, 504}


async def get_status(session, url):
    async with session.get(url) as response:
        await response.read()
        return response.status


async def attempt(session, semaphore, url, timeout):
    try:
        async with semaphore:
            return await asyncio.wait_for(get_status(session, url), timeout)
    except asyncio.TimeoutError:
        return "timeout"
    except aiohttp.ClientError:
        return "error"


async def fetch(session, semaphore, base, item, retries, timeout):
    url = f"{base}/api/items/{item}"
    for tried in range(retries + 1):
        status = await attempt(session, semaphore, url, timeout)
        if status not in RETRYABLE and status not in ("error", "timeout"):
            break
        if tried < retries:
            await asyncio.sleep(random.uniform(0, 0.005 * 2 ** tried))
    return item, status


async def main():
    base = os.environ["LAB_URL"]
    ids = range(1, int(os.environ["LAB_REQUESTS"]) + 1)
    retries = int(os.environ.get("LAB_RETRIES", "0"))
    timeout = int(os.environ.get("LAB_TIMEOUT_MS", "10000")) / 1000
    semaphore = asyncio.Semaphore(int(os.environ["LAB_CONCURRENCY"]))
    async with aiohttp.ClientSession() as session:
        for next_done in asyncio.as_completed([fetch(session, semaphore, base, i, retries, timeout) for i in ids]):
            item, status = await next_done
            print(item, status, flush=True)


asyncio.run(main())

"""WRONG (timeout step): asyncio.wait(timeout=...) that walks away from the request.

Like timeout.py, but the attempt is waited for with asyncio.wait, which on timeout only stops
waiting: the request goes on, its connection open, holding its slot at the server. The semaphore's
permit is given back, so the next request is sent while the server is still full of the abandoned
ones, and is refused with 429. The judge's hang scenario catches it by those 429s and by the
requests still in flight when the program prints its last line.
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
    async with semaphore:
        request = asyncio.ensure_future(get_status(session, url))
        done, _ = await asyncio.wait({request}, timeout=timeout)
    if request not in done:
        return "timeout"  # the mistake: the request is still running, and nobody cancels it
    try:
        return request.result()
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

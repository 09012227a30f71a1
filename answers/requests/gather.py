"""Step gather: every request at once with asyncio.gather.

The seed's first answer, made safe for its first question ("what if one task raises?"):
return_exceptions=True keeps one failure (a reset connection, say) from losing every other result.
Right for the gather step; against a server that serves only 10 at a time it is the classic
"no limit" mistake, and the judge's semaphore step says so.
"""
import asyncio
import os

import aiohttp


async def fetch(session, base, item):
    async with session.get(f"{base}/api/items/{item}") as response:
        await response.read()
        return response.status


async def main():
    base = os.environ["LAB_URL"]
    ids = range(1, int(os.environ["LAB_REQUESTS"]) + 1)
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, base, i) for i in ids), return_exceptions=True)
    for item, status in zip(ids, statuses):
        print(item, "error" if isinstance(status, BaseException) else status, flush=True)


asyncio.run(main())

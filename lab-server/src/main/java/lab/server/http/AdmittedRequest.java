package lab.server.http;

import lab.server.stats.Slot;

/** An item request that holds a slot under the limit; whoever ends it must release the slot. */
record AdmittedRequest(ItemRequest request, Slot slot) {
}

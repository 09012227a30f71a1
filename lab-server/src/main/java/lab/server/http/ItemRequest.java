package lab.server.http;

import lab.server.behavior.Overrides;

/** A well-formed {@code GET /api/items/{id}}, not yet admitted under the limit. */
record ItemRequest(String id, Overrides overrides) {
}

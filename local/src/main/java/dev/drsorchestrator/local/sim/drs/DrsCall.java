package dev.drsorchestrator.local.sim.drs;

import dev.drsorchestrator.local.sim.http.SimRequest;

/** One DRS call: who, where, and its parsed input. */
record DrsCall(String accountId, String region, DrsInput input, SimRequest request) {
}

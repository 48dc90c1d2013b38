/**
 * The HTTP edge: one loopback server that reads the SigV4 credential scope, resolves the calling account and routes
 * each request to the {@link dev.drsorchestrator.local.sim.http.AwsServiceHandler} registered for the signing name.
 */
package dev.drsorchestrator.local.sim.http;

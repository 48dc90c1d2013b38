/**
 * The embedded runtime: simulator, DynamoDB Local and handler hosting on loopback.
 */
package dev.drsorchestrator.local;

/**
 * The state machine's read of a wave: DRS job and server launch status, never written anywhere.
 */
package dev.drsorchestrator.query.waves;

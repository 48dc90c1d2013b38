/**
 * Launch configuration rules: static private IP placement, the effective configuration of a server, and the
 * fingerprint used to detect drift against DRS.
 */
package dev.drsorchestrator.shared.launch;

/** SnapStart support: what a handler warms before Lambda snapshots its initialized environment. */
package dev.drsorchestrator.shared.snapstart;

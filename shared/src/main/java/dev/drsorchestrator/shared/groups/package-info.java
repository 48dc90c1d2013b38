/**
 * Which source servers a protection group holds: its explicit ids plus the servers its tag selector matches in the
 * inventory. One resolution for the data-management handler (resolve, launch configs) and the execution handler
 * (servers claimed and launched when an execution starts), so a group never means two different server sets.
 */
package dev.drsorchestrator.shared.groups;

/**
 * Which source servers a protection group holds: its explicit ids plus the servers its tag selector matches in the
 * inventory. One resolution for the data-management handler (resolve, launch configs) and the execution handler
 * (servers claimed and launched when an execution starts), so a group never means two different server sets; and
 * whether the launch configuration last applied to those servers is still the group's.
 */
package dev.drsorchestrator.shared.groups;

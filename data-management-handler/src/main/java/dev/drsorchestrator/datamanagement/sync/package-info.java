/** The scheduled sync operations of data-management-handler: inventory, staging accounts, recovery instances. */
package dev.drsorchestrator.datamanagement.sync;

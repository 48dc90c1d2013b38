/**
 * The data-management handler: CRUD and sync.
 */
package dev.drsorchestrator.datamanagement;

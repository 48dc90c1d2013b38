/** Simulated AWS Elastic Disaster Recovery (rest-json, API 2020-02-26). */
package dev.drsorchestrator.local.sim.drs;

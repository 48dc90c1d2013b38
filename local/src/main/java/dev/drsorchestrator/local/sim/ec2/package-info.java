/** Simulated Amazon EC2 (query protocol with EC2's XML, API 2016-11-15). */
package dev.drsorchestrator.local.sim.ec2;

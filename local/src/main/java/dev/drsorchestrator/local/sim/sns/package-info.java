/** Simulated Amazon SNS (query protocol, 2010-03-31): CreateTopic, ListTopics, Publish; messages are kept. */
package dev.drsorchestrator.local.sim.sns;

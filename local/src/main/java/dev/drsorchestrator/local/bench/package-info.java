/** The cold-start benchmark's two halves: the backend it runs against, and the fresh-JVM invoker it measures. */
package dev.drsorchestrator.local.bench;

package dev.drsorchestrator.local.sim.model;

/** An EC2 instance type as DescribeInstanceTypes reports it. */
public record InstanceTypeInfo(String instanceType, int vcpus, long memoryMiB) {
}

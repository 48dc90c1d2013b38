/**
 * DynamoDB for the local runtime and the tests: DynamoDB Local in-process, and the tables created from the very
 * CloudFormation template that production deploys ({@code cfn/dynamodb-tables.yaml}).
 */
package dev.drsorchestrator.local.dynamodb;

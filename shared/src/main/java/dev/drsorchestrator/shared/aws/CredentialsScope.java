package dev.drsorchestrator.shared.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Credentials plus the key clients are cached under: {@code hub} for the function's own identity,
 * {@code <account>/<role>} for a cross-account role. Two scopes with the same key share clients.
 *
 * @param cacheKey identifies the identity, never the secret
 * @param provider supplies (and refreshes) the credentials
 */
public record CredentialsScope(String cacheKey, AwsCredentialsProvider provider) {
}

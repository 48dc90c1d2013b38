package dev.drsorchestrator.datamanagement.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads staging accounts field by field: a 12-digit id other than the target's, a role and an external id. */
final class StagingInput {
    static final int MAX_STAGING = 20;

    private StagingInput() {
    }

    static List<StagingAccount> readAll(RequestFields body, String targetAccountId, String actor, Instant now) {
        List<JsonNode> items = body.array("stagingAccounts", MAX_STAGING).orElse(List.of());
        List<StagingAccount> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            StagingAccount staging = read("stagingAccounts[" + i + "]", RequestFields.nested("stagingAccounts[" + i
                    + "]", items.get(i)), targetAccountId, actor, now);
            if (!seen.add(staging.accountId())) {
                throw new ValidationException("Field 'stagingAccounts[" + i + "].accountId' repeats account "
                        + staging.accountId());
            }
            out.add(staging);
        }
        return out;
    }

    static StagingAccount read(String path, RequestFields fields, String targetAccountId, String actor, Instant now) {
        String accountId = Validators.accountId(path + ".accountId", fields.string("accountId").orElse(null));
        if (accountId.equals(targetAccountId)) {
            throw new ValidationException("Field '" + path + ".accountId' must differ from the target account "
                    + targetAccountId);
        }
        String name = fields.string("accountName").map(n -> Validators.name(path + ".accountName", n,
                AccountInput.NAME_MAX)).orElse(accountId);
        String role = AccountInput.role(fields, "roleArn", accountId).orElse(null);
        return new StagingAccount(accountId, name, role, AccountInput.externalId(fields, "externalId").orElse(null),
                now.toString(), actor, "active", null, null);
    }
}

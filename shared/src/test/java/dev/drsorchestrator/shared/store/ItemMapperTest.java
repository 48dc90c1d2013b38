package dev.drsorchestrator.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TargetAccount;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemMapperTest {

    @Test
    void toItem_shouldOmitNullsKeepEmptyStringsAndWriteExactNumbers_whenRecordHasThem() {
        // GIVEN a status with an empty message, a null error type and a count
        RegionStatus status = new RegionStatus("111122223333", "us-east-1", "ACTIVE", 42, null, "", false, "t");

        // WHEN mapped
        var item = new ItemMapper<>(RegionStatus.class).toItem(status);

        // THEN null is absent, empty string kept, number exact, boolean native
        assertThat(item).doesNotContainKey("errorType")
                .containsEntry("errorMessage", AttributeValue.fromS(""))
                .containsEntry("serverCount", AttributeValue.fromN("42"))
                .containsEntry("retryable", AttributeValue.fromBool(false));
    }

    @Test
    void toItem_shouldNestRecordsAsMapsInLists_andOmitTheirNullFields() {
        // GIVEN an account with one staging account lacking an external id
        TargetAccount account = new TargetAccount("111122223333", "Prod", null, null, null, null, true, null, null,
                null, List.of(new StagingAccount("444455556666", "Stage", "arn", null, null, null, null, 7, null)),
                null, null, null, null, 3L);

        // WHEN mapped and read back
        ItemMapper<TargetAccount> mapper = new ItemMapper<>(TargetAccount.class);
        var item = mapper.toItem(account);

        // THEN the staging account is an M inside an L without null attributes, and reads back equal
        var staging = item.get("stagingAccounts").l().get(0).m();
        assertThat(staging).containsOnlyKeys("accountId", "accountName", "roleArn", "serverCount");
        assertThat(item.get("isCurrentAccount")).isEqualTo(AttributeValue.fromBool(true));
        assertThat(mapper.fromItem(item)).isEqualTo(account);
    }
}

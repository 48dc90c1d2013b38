package dev.drsorchestrator.datamanagement.tagsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.Ec2Gateway;
import dev.drsorchestrator.shared.gateway.LaunchConfigurationUpdate;
import dev.drsorchestrator.shared.gateway.LaunchTemplateChanges;
import dev.drsorchestrator.shared.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class InstanceTypeCopierTest {
    private static final String SERVER = "s-00000000000000001";
    private final DrsGateway drs = mock(DrsGateway.class);
    private final Ec2Gateway ec2 = mock(Ec2Gateway.class);
    private final InstanceTypeCopier copier = new InstanceTypeCopier(drs, ec2);

    private void given(String rightSizing, String templateType) {
        when(drs.getLaunchConfiguration(SERVER)).thenReturn(Json.mapper().valueToTree(Map.of(
                "ec2LaunchTemplateID", "lt-1", "targetInstanceTypeRightSizingMethod", rightSizing)));
        JsonNode version = Json.mapper().valueToTree(Map.of("versionNumber", 3,
                "launchTemplateData", Map.of("instanceType", templateType)));
        when(ec2.describeLaunchTemplateVersions("lt-1", List.of("$Latest"))).thenReturn(List.of(version));
    }

    @Test
    void copy_shouldWriteANewDefaultVersionAndDisableRightSizing_whenTypeAndRightSizingDiffer() {
        // GIVEN
        given("BASIC", "t3.small");
        when(ec2.createLaunchTemplateVersion(anyString(), anyString(), any())).thenReturn(4L);
        // WHEN
        InstanceTypeCopier.Outcome outcome = copier.copy(SERVER, "m5.xlarge");
        // THEN
        ArgumentCaptor<LaunchTemplateChanges> changes = ArgumentCaptor.forClass(LaunchTemplateChanges.class);
        verify(ec2).createLaunchTemplateVersion(org.mockito.ArgumentMatchers.eq("lt-1"),
                org.mockito.ArgumentMatchers.eq("3"), changes.capture());
        assertThat(changes.getValue()).isEqualTo(new LaunchTemplateChanges("m5.xlarge", null, null, null, null,
                InstanceTypeCopier.DESCRIPTION));
        verify(ec2).modifyLaunchTemplate("lt-1", "4");
        verify(drs).updateLaunchConfiguration(SERVER, new LaunchConfigurationUpdate(null, null, null, null, "NONE",
                null, null));
        assertThat(outcome).isEqualTo(new InstanceTypeCopier.Outcome("updated", "t3.small", true, null));
    }

    @Test
    void copy_shouldWriteNothing_whenTheTemplateAlreadyHasTheTypeAndRightSizingIsOff() {
        // GIVEN
        given("NONE", "m5.xlarge");
        // WHEN
        InstanceTypeCopier.Outcome outcome = copier.copy(SERVER, "m5.xlarge");
        // THEN
        verify(ec2, never()).createLaunchTemplateVersion(anyString(), anyString(), any());
        verify(ec2, never()).modifyLaunchTemplate(anyString(), anyString());
        verify(drs, never()).updateLaunchConfiguration(anyString(), any());
        assertThat(outcome.status()).isEqualTo("unchanged");
    }

    @Test
    void copy_shouldReportFailureAndWriteNothing_whenDrsNamesNoLaunchTemplate() {
        // GIVEN
        when(drs.getLaunchConfiguration(SERVER)).thenReturn(Json.mapper().valueToTree(Map.of(
                "targetInstanceTypeRightSizingMethod", "BASIC")));
        // WHEN
        InstanceTypeCopier.Outcome outcome = copier.copy(SERVER, "m5.xlarge");
        // THEN
        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.error()).contains("no EC2 launch template");
        verify(ec2, never()).createLaunchTemplateVersion(anyString(), anyString(), any());
        verify(drs, never()).updateLaunchConfiguration(anyString(), any());
    }

    @Test
    void copy_shouldFailWithoutCallingAws_whenTheSourceHasNoType() {
        // WHEN
        InstanceTypeCopier.Outcome outcome = copier.copy(SERVER, " ");
        // THEN
        assertThat(outcome.status()).isEqualTo("failed");
        verify(drs, never()).getLaunchConfiguration(anyString());
    }
}

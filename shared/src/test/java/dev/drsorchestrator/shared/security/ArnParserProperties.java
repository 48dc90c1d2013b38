package dev.drsorchestrator.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class ArnParserProperties {

    @Provide
    Arbitrary<String> accounts() {
        return Arbitraries.strings().numeric().ofLength(12);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcXYZ019_+=,.@-").ofMinLength(1).ofMaxLength(64);
    }

    @Property
    void parse_shouldRecoverAccountRoleAndSession_whenAssumedRoleArnGenerated(
            @ForAll("accounts") String account, @ForAll("names") String role, @ForAll("names") String session) {
        Principal p = ArnParser.parse("arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session);
        assertThat(p).isEqualTo(new Principal.AssumedRole("arn:aws:iam::" + account + ":role/" + role, session, account));
    }

    @Property
    void parse_shouldRecoverAccountAndName_whenUserArnGenerated(
            @ForAll("accounts") String account, @ForAll("names") String user) {
        Principal p = ArnParser.parse("arn:aws:iam::" + account + ":user/" + user);
        assertThat(p).isInstanceOf(Principal.IamUser.class);
        assertThat(p.accountId()).isEqualTo(account);
        assertThat(p.arn()).endsWith(":user/" + user);
    }

    @Property
    void parse_shouldRecoverAccountAndName_whenEventRuleArnGenerated(
            @ForAll("accounts") String account, @ForAll("names") String rule) {
        Principal p = ArnParser.parse("arn:aws:events:eu-west-1:" + account + ":rule/" + rule);
        assertThat(p).isEqualTo(new Principal.Service("arn:aws:events:eu-west-1:" + account + ":rule/" + rule, account));
    }

    @Property
    void parse_shouldNeverThrow_whenInputArbitrary(@ForAll String anything) {
        assertThat(ArnParser.parse(anything)).isNotNull();
    }

    @Property
    void parse_shouldReturnUnknown_whenNotAnArn(@ForAll @AlphaChars @StringLength(max = 50) String word) {
        assertThat(ArnParser.parse(word)).isEqualTo(new Principal.Unknown());
    }
}

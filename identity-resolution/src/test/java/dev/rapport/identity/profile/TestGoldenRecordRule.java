package dev.rapport.identity.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.identity.config.SurvivorshipConfig;
import dev.rapport.identity.config.SurvivorshipField;
import dev.rapport.identity.config.SurvivorshipRule;
import dev.rapport.identity.record.ResolutionRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestGoldenRecordRule {

    @Test
    void eachAttributeTakesTheMostRecentNonEmptyValue() {
        ResolutionRecord old = record("r1", "crm", 100L, 1_000L);
        old.firstName = "Ana";
        old.lastName = "Petrović";
        old.email = "ana@old.example";
        old.phoneE164 = "+381641111111";
        old.company = "Old d.o.o.";
        old.birthDate = 7_000;
        ResolutionRecord recent = record("r2", "erp", 200L, 2_000L);
        recent.lastName = "Marković";
        recent.email = "ana@new.example";
        recent.company = " ";

        GoldenProfile profile = GoldenRecordRule.build("c-1", List.of(old, recent));

        assertThat(profile.firstName()).isEqualTo("Ana");
        assertThat(profile.lastName()).isEqualTo("Marković");
        assertThat(profile.fullName()).isEqualTo("Ana Marković");
        assertThat(profile.email()).isEqualTo("ana@new.example");
        assertThat(profile.emails()).containsExactly("ana@new.example", "ana@old.example");
        assertThat(profile.phone()).isEqualTo("+381641111111");
        assertThat(profile.company()).isEqualTo("Old d.o.o.");
        assertThat(profile.birthDate()).isEqualTo(7_000);
        assertThat(profile.sources()).containsExactly("crm", "erp");
        assertThat(profile.recordCount()).isEqualTo(2);
        assertThat(profile.firstSeen()).isEqualTo(100L);
        assertThat(profile.lastUpdated()).isEqualTo(2_000L);
    }

    @Test
    void theAddressComesWholeFromOneRecord() {
        ResolutionRecord old = record("r1", "crm", 100L, 1_000L);
        old.street = "Knez Mihailova 1";
        old.city = "Beograd";
        old.postcode = "11000";
        old.country = "RS";
        ResolutionRecord recent = record("r2", "erp", 200L, 2_000L);
        recent.city = "Novi Sad";

        GoldenProfile profile = GoldenRecordRule.build("c-1", List.of(old, recent));

        assertThat(profile.street()).isNull();
        assertThat(profile.city()).isEqualTo("Novi Sad");
        assertThat(profile.postcode()).isNull();
        assertThat(profile.country()).isEqualTo("RS");
    }

    @Test
    void recordsWithoutAnUpdateTimeCountAsOldest() {
        ResolutionRecord undated = record("r1", "crm", null, null);
        undated.email = "undated@example.com";
        ResolutionRecord dated = record("r2", "erp", 100L, 100L);
        dated.email = "dated@example.com";

        GoldenProfile profile = GoldenRecordRule.build("c-1", List.of(undated, dated));

        assertThat(profile.email()).isEqualTo("dated@example.com");
        assertThat(profile.firstSeen()).isEqualTo(100L);
        assertThat(GoldenRecordRule.build("c-1", List.of(dated, undated))).isEqualTo(profile);
    }

    @Test
    void theDefaultPolicyIsRecency() {
        ResolutionRecord old = record("r1", "erp", 100L, 1_000L);
        old.email = "ana@old.example";
        old.company = "Old d.o.o.";
        ResolutionRecord recent = record("r2", "shop", 200L, 2_000L);
        recent.email = "ana@new.example";
        recent.company = "New d.o.o.";
        SurvivorshipConfig trustOnlyListed =
                new SurvivorshipConfig(Map.of("erp", 3), SurvivorshipRule.RECENCY, Map.of());

        GoldenProfile byDefault = GoldenRecordRule.build("c-1", List.of(old, recent));

        assertThat(byDefault)
                .isEqualTo(GoldenRecordRule.build("c-1", List.of(old, recent), SurvivorshipConfig.defaults()));
        assertThat(byDefault).isEqualTo(GoldenRecordRule.build("c-1", List.of(old, recent), trustOnlyListed));
        assertThat(byDefault.email()).isEqualTo("ana@new.example");
        assertThat(byDefault.company()).isEqualTo("New d.o.o.");
    }

    @Test
    void trustTakesTheValueOfTheMostTrustedSourceEvenWhenAnotherIsMoreRecent() {
        ResolutionRecord erp = record("r1", "erp", 100L, 1_000L);
        erp.firstName = "Ana";
        erp.lastName = "Petrović";
        erp.email = "ana@erp.example";
        erp.phoneE164 = "+381641111111";
        erp.birthDate = 7_000;
        erp.company = "Petrović d.o.o.";
        erp.street = "Knez Mihailova 1";
        erp.city = "Beograd";
        erp.country = "RS";
        ResolutionRecord shop = record("r2", "shop", 300L, 3_000L);
        shop.firstName = "Anna";
        shop.lastName = "Marković";
        shop.email = "ana@shop.example";
        shop.phoneE164 = "+381642222222";
        shop.birthDate = 7_001;
        shop.company = "Marković d.o.o.";
        shop.city = "Novi Sad";
        shop.country = "RS";

        GoldenProfile byTrust =
                GoldenRecordRule.build("c-1", List.of(erp, shop), policy(SurvivorshipRule.TRUST, Map.of()));
        GoldenProfile byRecency =
                GoldenRecordRule.build("c-1", List.of(erp, shop), policy(SurvivorshipRule.RECENCY, Map.of()));

        assertThat(byTrust.firstName()).isEqualTo("Ana");
        assertThat(byTrust.lastName()).isEqualTo("Petrović");
        assertThat(byTrust.fullName()).isEqualTo("Ana Petrović");
        assertThat(byTrust.email()).isEqualTo("ana@erp.example");
        assertThat(byTrust.emails()).containsExactly("ana@erp.example", "ana@shop.example");
        assertThat(byTrust.phone()).isEqualTo("+381641111111");
        assertThat(byTrust.phones()).containsExactly("+381641111111", "+381642222222");
        assertThat(byTrust.birthDate()).isEqualTo(7_000);
        assertThat(byTrust.company()).isEqualTo("Petrović d.o.o.");
        assertThat(byTrust.street()).isEqualTo("Knez Mihailova 1");
        assertThat(byTrust.city()).isEqualTo("Beograd");

        assertThat(byRecency.fullName()).isEqualTo("Anna Marković");
        assertThat(byRecency.email()).isEqualTo("ana@shop.example");
        assertThat(byRecency.emails()).containsExactly("ana@shop.example", "ana@erp.example");
        assertThat(byRecency.phone()).isEqualTo("+381642222222");
        assertThat(byRecency.birthDate()).isEqualTo(7_001);
        assertThat(byRecency.company()).isEqualTo("Marković d.o.o.");
        assertThat(byRecency.street()).isNull();
        assertThat(byRecency.city()).isEqualTo("Novi Sad");

        // what does not depend on a rule stays the same
        assertThat(byTrust.sources()).isEqualTo(byRecency.sources()).containsExactly("erp", "shop");
        assertThat(byTrust.firstSeen()).isEqualTo(byRecency.firstSeen()).isEqualTo(100L);
        assertThat(byTrust.lastUpdated()).isEqualTo(byRecency.lastUpdated()).isEqualTo(3_000L);
    }

    @Test
    void aFieldRuleOverridesTheDefault() {
        ResolutionRecord erp = record("r1", "erp", 100L, 1_000L);
        erp.email = "ana@erp.example";
        erp.birthDate = 7_000;
        erp.company = "Erp d.o.o.";
        ResolutionRecord shop = record("r2", "shop", 300L, 3_000L);
        shop.email = "ana@shop.example";
        shop.birthDate = 7_001;
        shop.company = "Shop d.o.o.";

        GoldenProfile recencyButTrustedBirthDate = GoldenRecordRule.build(
                "c-1",
                List.of(erp, shop),
                policy(SurvivorshipRule.RECENCY, Map.of(SurvivorshipField.BIRTH_DATE, SurvivorshipRule.TRUST)));
        GoldenProfile trustButRecentEmail = GoldenRecordRule.build(
                "c-1",
                List.of(erp, shop),
                policy(SurvivorshipRule.TRUST, Map.of(SurvivorshipField.EMAIL, SurvivorshipRule.RECENCY)));

        assertThat(recencyButTrustedBirthDate.birthDate()).isEqualTo(7_000);
        assertThat(recencyButTrustedBirthDate.email()).isEqualTo("ana@shop.example");
        assertThat(recencyButTrustedBirthDate.company()).isEqualTo("Shop d.o.o.");
        assertThat(trustButRecentEmail.email()).isEqualTo("ana@shop.example");
        assertThat(trustButRecentEmail.emails()).containsExactly("ana@shop.example", "ana@erp.example");
        assertThat(trustButRecentEmail.birthDate()).isEqualTo(7_000);
        assertThat(trustButRecentEmail.company()).isEqualTo("Erp d.o.o.");
    }

    @Test
    void aMissingValueFallsToTheNextTrustedSource() {
        ResolutionRecord erp = record("r1", "erp", 100L, 1_000L);
        erp.company = " ";
        ResolutionRecord crm = record("r2", "crm", 200L, 2_000L);
        crm.email = "ana@crm.example";
        crm.company = "Crm d.o.o.";
        ResolutionRecord web = record("r3", "web", 300L, 3_000L);
        web.email = "ana@web.example";
        web.birthDate = 7_002;

        GoldenProfile profile =
                GoldenRecordRule.build("c-1", List.of(erp, crm, web), policy(SurvivorshipRule.TRUST, Map.of()));

        assertThat(profile.company()).isEqualTo("Crm d.o.o.");
        assertThat(profile.email()).isEqualTo("ana@crm.example");
        // web is not listed: trust 0, below every listed source, but its value is used when it is the only one
        assertThat(profile.birthDate()).isEqualTo(7_002);
        assertThat(profile.firstName()).isNull();
        assertThat(profile.fullName()).isNull();
        assertThat(profile.street()).isNull();
        assertThat(profile.country()).isNull();
    }

    @Test
    void equallyTrustedSourcesAreDecidedByRecencyThenRecordId() {
        ResolutionRecord older = record("r1", "erp", 100L, 1_000L);
        older.email = "older@example.com";
        ResolutionRecord newer = record("r2", "crm", 100L, 2_000L);
        newer.email = "newer@example.com";
        ResolutionRecord untrusted = record("r3", "shop", 100L, 9_000L);
        untrusted.email = "untrusted@example.com";
        SurvivorshipConfig equalTrust =
                new SurvivorshipConfig(Map.of("erp", 2, "crm", 2, "shop", 1), SurvivorshipRule.TRUST, Map.of());

        assertThat(GoldenRecordRule.build("c-1", List.of(older, newer, untrusted), equalTrust)
                        .emails())
                .containsExactly("newer@example.com", "older@example.com", "untrusted@example.com");

        ResolutionRecord b = record("r-b", "erp", 100L, 1_000L);
        b.email = "b@example.com";
        ResolutionRecord a = record("r-a", "crm", 100L, 1_000L);
        a.email = "a@example.com";
        assertThat(GoldenRecordRule.build("c-1", List.of(b, a), equalTrust).email())
                .isEqualTo("a@example.com");
        assertThat(GoldenRecordRule.build("c-1", List.of(a, b), equalTrust).email())
                .isEqualTo("a@example.com");
    }

    @Test
    void underTrustTheNameComesWholeFromOneRecord() {
        ResolutionRecord erp = record("r1", "erp", 100L, 1_000L);
        erp.firstName = "Ana";
        ResolutionRecord shop = record("r2", "shop", 200L, 2_000L);
        shop.firstName = "Jelena";
        shop.lastName = "Marković";
        shop.fullName = "Jelena Marković";

        GoldenProfile byTrust =
                GoldenRecordRule.build("c-1", List.of(erp, shop), policy(SurvivorshipRule.TRUST, Map.of()));
        GoldenProfile byRecency =
                GoldenRecordRule.build("c-1", List.of(erp, shop), policy(SurvivorshipRule.RECENCY, Map.of()));

        assertThat(byTrust.firstName()).isEqualTo("Ana");
        assertThat(byTrust.lastName()).isNull();
        assertThat(byTrust.fullName()).isEqualTo("Ana");
        assertThat(byRecency.firstName()).isEqualTo("Jelena");
        assertThat(byRecency.lastName()).isEqualTo("Marković");
        assertThat(byRecency.fullName()).isEqualTo("Jelena Marković");
    }

    @Test
    void theCountryGoesWithTheAddressAndOtherwiseFollowsItsOwnRule() {
        ResolutionRecord erp = record("r1", "erp", 100L, 1_000L);
        erp.country = "RS";
        ResolutionRecord crm = record("r2", "crm", 200L, 2_000L);
        crm.city = "Zagreb";
        crm.country = "HR";
        ResolutionRecord shop = record("r3", "shop", 300L, 3_000L);
        shop.street = "Ilica 1";
        shop.country = " ";

        GoldenProfile addressByRecency = GoldenRecordRule.build(
                "c-1",
                List.of(erp, crm, shop),
                policy(SurvivorshipRule.TRUST, Map.of(SurvivorshipField.ADDRESS, SurvivorshipRule.RECENCY)));
        GoldenProfile addressByTrust =
                GoldenRecordRule.build("c-1", List.of(erp, crm, shop), policy(SurvivorshipRule.TRUST, Map.of()));

        // the most recent address (shop's) has no country: the country's own rule (trust) picks erp's
        assertThat(addressByRecency.street()).isEqualTo("Ilica 1");
        assertThat(addressByRecency.city()).isNull();
        assertThat(addressByRecency.country()).isEqualTo("RS");
        // erp has no address; crm is the most trusted source with one, and its country comes with it
        assertThat(addressByTrust.street()).isNull();
        assertThat(addressByTrust.city()).isEqualTo("Zagreb");
        assertThat(addressByTrust.country()).isEqualTo("HR");
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheRecords() {
        ResolutionRecord erp = record("r1", "erp", null, null);
        erp.email = "ana@erp.example";
        erp.lastName = "Petrović";
        ResolutionRecord shop = record("r2", "shop", 200L, 2_000L);
        shop.email = "ana@shop.example";
        shop.firstName = "Ana";
        ResolutionRecord web = record("r3", "web", 100L, null);
        web.phoneE164 = "+381641111111";
        SurvivorshipConfig policy =
                policy(SurvivorshipRule.TRUST, Map.of(SurvivorshipField.PHONE, SurvivorshipRule.RECENCY));

        GoldenProfile profile = GoldenRecordRule.build("c-1", List.of(erp, shop, web), policy);

        assertThat(GoldenRecordRule.build("c-1", List.of(web, shop, erp), policy))
                .isEqualTo(profile);
        assertThat(GoldenRecordRule.build("c-1", List.of(shop, web, erp), policy))
                .isEqualTo(profile);
        assertThat(profile.email()).isEqualTo("ana@erp.example");
        assertThat(profile.fullName()).isEqualTo("Petrović");
    }

    @Test
    void aCustomerHasRecords() {
        assertThatThrownBy(() -> GoldenRecordRule.build("c-1", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c-1");
    }

    /** erp above crm above shop; other sources 0. */
    private static SurvivorshipConfig policy(
            SurvivorshipRule defaultRule, Map<SurvivorshipField, SurvivorshipRule> fields) {
        return new SurvivorshipConfig(Map.of("erp", 3, "crm", 2, "shop", 1), defaultRule, fields);
    }

    private static ResolutionRecord record(String id, String source, Long createdAt, Long updatedAt) {
        ResolutionRecord record = new ResolutionRecord(id, source, "s-" + id);
        record.createdAt = createdAt;
        record.updatedAt = updatedAt;
        return record;
    }
}

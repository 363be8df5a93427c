package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.PairingCommands.PairOrganisations;
import org.bangfu.pairing.PairingVocabulary.OrgEndReason;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ending an organisation-to-organisation pairing (plan 8, plan 12) on the settings page and by
 * the API: a reason is required, the end is audited, shown in the list, and the helper's place
 * in that year is given back so it can help another organisation.
 */
@IntegrationTest
@Import(Fixtures.class)
class OrgPairingEndIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Pairings pairings;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	OrganisationView helper;

	OrganisationView helped1;

	OrganisationView helped2;

	Scope scope;

	int year;

	@BeforeEach
	void setUp() {
		helper = fixtures.organisation("县示范幼儿园");
		helped1 = fixtures.organisationUnder(helper.id(), "村幼儿园一");
		helped2 = fixtures.organisationUnder(helper.id(), "村幼儿园二");
		scope = PairingData.scope(fixtures, helper);
		year = pairings.today().getYear();
	}

	@Test
	void anAdministratorEndsAnOrganisationPairingOnTheSettingsPageAndTheHelperMayHelpAnother() {
		OrgPairingView first = pairings.pairOrganisations(scope, new PairOrganisations(helper.id(), helped1.id(), year, null));
		assertThat(pairings.orgCapacity(scope, helper.id())).as("county level: one a year").isEqualTo(1);
		assertThat(pairings.orgQuotaUsed(helper.id(), year)).isEqualTo(1);
		Http admin = Http.loggedIn(port, fixtures.user(helper.id(), Role.ADMIN), Fixtures.PASSWORD);
		assertThat(admin.get("/pairing/settings").body()).contains("id=\"end-org-pairing-" + first.id() + "\"");

		HttpResponse<String> noReason = admin.form("/pairing/organisation-pairings/" + first.id() + "/end", Map.of());
		assertThat(noReason.statusCode()).isEqualTo(302);
		assertThat(admin.get("/pairing/settings").body()).contains("请选择结束原因。");
		assertThat(pairings.orgPairing(scope, first.id()).active()).isTrue();

		HttpResponse<String> ended = admin.form("/pairing/organisation-pairings/" + first.id() + "/end",
				Map.of("reason", "GOALS_MET", "note", "园所已达标"));
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/pairing/settings");
		String page = admin.get("/pairing/settings").body();
		assertThat(page).contains(helper.name() + " 对 " + helped1.name() + " 的 " + year + " 年结对帮扶已结束。")
			.as("years are not written 2,026").contains("当前上限 1，" + year + " 年已帮扶 0 个");
		String row = page.substring(page.indexOf("id=\"org-pairing-" + first.id() + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains(pairings.today().toString(), "帮扶目标已实现", "园所已达标")
			.doesNotContain("end-org-pairing-");

		OrgPairingView after = pairings.orgPairing(scope, first.id());
		assertThat(after.endReason()).isEqualTo(OrgEndReason.GOALS_MET);
		assertThat(after.endedOn()).isEqualTo(pairings.today());
		assertThat(pairings.orgQuotaUsed(helper.id(), year)).as("the place is given back").isZero();
		assertThat(pairings.pairOrganisations(scope, new PairOrganisations(helper.id(), helped2.id(), year, null)).active())
			.isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'pairing.org.end' AND object_id = ? AND detail LIKE '%GOALS_MET%'")
			.param(String.valueOf(first.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theApiEndsWithAReasonOnceAndOnlyForAdministratorsWhoseScopeHoldsBothOrganisations() {
		OrgPairingView p = pairings.pairOrganisations(scope, new PairOrganisations(helper.id(), helped1.id(), year, null));
		Http admin = Http.basic(port, fixtures.user(helper.id(), Role.ADMIN), Fixtures.PASSWORD);
		String path = "/api/v1/organisation-pairings/" + p.id() + "/end";

		HttpResponse<String> missing = admin.json("POST", path, "{}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("reason");
		assertThat(Http.basic(port, fixtures.user(helper.id(), Role.CASEWORKER), Fixtures.PASSWORD)
			.json("POST", path, "{\"reason\":\"OTHER\"}").statusCode()).isEqualTo(403);
		assertThat(Http.basic(port, fixtures.user(helped1.id(), Role.ADMIN), Fixtures.PASSWORD)
			.json("POST", path, "{\"reason\":\"OTHER\"}").statusCode()).as("the helper is outside the helped's scope")
			.isEqualTo(404);
		assertThat(pairings.orgPairing(scope, p.id()).active()).isTrue();

		HttpResponse<String> ended = admin.json("POST", path, "{\"reason\":\"TERM_COMPLETED\",\"note\":\"期满\"}");
		assertThat(ended.statusCode()).isEqualTo(200);
		assertThat(ended.body()).contains("\"endReason\":\"TERM_COMPLETED\"", "\"endedOn\":\"" + pairings.today() + "\"");
		HttpResponse<String> again = admin.json("POST", path, "{\"reason\":\"OTHER\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(pairings.orgQuotaUsed(helper.id(), year)).as("given back once").isZero();
		assertThat(admin.get("/api/v1/organisation-pairings/" + p.id()).body()).contains("\"note\":null", "\"endNote\":\"期满\"");
	}

	@Test
	void theSamePairMayBeMadeAgainInTheSameYearAfterItEndedButNotTwiceWhileActive() {
		OrgPairingView first = pairings.pairOrganisations(scope, new PairOrganisations(helper.id(), helped1.id(), year, null));
		pairings.endOrgPairing(scope, first.id(), new PairingCommands.EndOrgPairing(OrgEndReason.OTHER, "误结束", null));

		OrgPairingView again = pairings.pairOrganisations(scope, new PairOrganisations(helper.id(), helped1.id(), year, "恢复"));
		assertThat(again.id()).isNotEqualTo(first.id());
		assertThat(again.active()).isTrue();
		assertThat(pairings.orgPairing(scope, first.id()).active()).as("the ended one stays as history").isFalse();
		assertThat(pairings.orgPairings(scope, year)).extracting(OrgPairingView::id).contains(first.id(), again.id());
		assertThat(pairings.orgQuotaUsed(helper.id(), year)).isEqualTo(1);

		// while active, a second identical pairing is refused by the database even with room in the quota
		pairings.updateSettings(scope, helper.id(), new PairingCommands.UpdateSettings(5, 12, 3));
		assertThatThrownBy(() -> pairings.pairOrganisations(scope, new PairOrganisations(helper.id(), helped1.id(), year, null)))
			.isInstanceOf(BangfuException.class)
			.extracting(e -> ((BangfuException) e).messageKey())
			.isEqualTo("pairing.org.duplicate");
		assertThat(pairings.orgQuotaUsed(helper.id(), year)).as("the refused one took no place").isEqualTo(1);
	}

	@Test
	void anEndBeforeTheStartIsRefused() {
		OrgPairingView p = pairings.pairOrganisations(scope, new PairOrganisations(helper.id(), helped1.id(), year, null));
		assertThatThrownBy(() -> pairings.endOrgPairing(scope, p.id(),
				new PairingCommands.EndOrgPairing(OrgEndReason.OTHER, null, p.startedOn().minusDays(1))))
			.isInstanceOf(BangfuException.class)
			.extracting(e -> ((BangfuException) e).messageKey())
			.isEqualTo("pairing.end.beforeStart");
		assertThat(pairings.orgPairing(scope, p.id()).active()).isTrue();
		assertThat(pairings.orgQuotaUsed(helper.id(), year)).isEqualTo(1);
	}

}

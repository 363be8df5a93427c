package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filing or importing a person who is already in an active household of a sibling organisation
 * tells the user only that the person is held elsewhere and how to ask for a transfer; the other
 * organisation and its 户编号 appear only to a user whose scope covers both households.
 */
@IntegrationTest
@Import(Fixtures.class)
class MembershipOracleIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	OrganisationView parent;

	OrganisationView holder;

	OrganisationView sibling;

	String id;

	HouseholdView held;

	@BeforeEach
	void setUp() {
		parent = fixtures.organisation("上级工会");
		holder = fixtures.organisationUnder(parent.id(), "持有单位");
		sibling = fixtures.organisationUnder(parent.id(), "兄弟单位");
		id = Households.idNumber(LocalDate.of(1970, 3, 3).plusDays(System.nanoTime() % 3000), true);
		held = registry.file(new Scope(holder.id(), holder.path()),
				new FileHousehold(null, Households.household(Households.fileNo()), Households.person("王持有", id, Relation.HEAD, "0")));
	}

	@Test
	void filingThroughTheFacadeNamesTheOtherHouseholdOnlyWhenTheScopeCoversIt() {
		assertThatThrownBy(() -> registry.file(new Scope(sibling.id(), sibling.path()), Households.headOnly(id)))
			.isInstanceOfSatisfying(BangfuException.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("registry.member.inHouseholdOutOfScope");
				assertThat(ex.args()).containsExactly(IdNumber.mask(id));
			});
		assertThatThrownBy(() -> registry.file(new Scope(parent.id(), parent.path()), Households.headOnly(id)))
			.isInstanceOfSatisfying(BangfuException.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("registry.member.inOtherHousehold");
				assertThat(ex.args()[1].toString()).contains(holder.name()).contains(held.fileNo());
			});
	}

	@Test
	void theApiTellsASiblingOnlyThatThePersonIsHeldElsewhereAndHowToAskForATransfer() {
		Http stranger = Http.basic(port, fixtures.user(sibling.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		HttpResponse<String> refused = stranger.json("POST", "/api/v1/households",
				HouseholdApiIntegrationTests.fileJson(Households.fileNo(), id));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("另一个有效家庭").contains("迁移")
			.doesNotContain(holder.name()).doesNotContain(held.fileNo());

		Http above = Http.basic(port, fixtures.user(parent.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		HttpResponse<String> named = above.json("POST", "/api/v1/households",
				HouseholdApiIntegrationTests.fileJson(Households.fileNo(), id));
		assertThat(named.statusCode()).as(named.body()).isEqualTo(409);
		assertThat(named.body()).contains(holder.name()).contains(held.fileNo());
	}

	@Test
	void anImportBySiblingNamesNeitherTheOrganisationNorTheFileNumberInItsIssuesOrReport() throws Exception {
		Http stranger = Http.basic(port, fixtures.user(sibling.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		JsonNode done = importHolding(stranger, sibling);
		assertThat(done.path("householdsRejected").asLong()).isEqualTo(1);
		String message = done.path("issues").get(0).path("message").asString();
		assertThat(message).contains(IdNumber.mask(id)).contains("另一个有效家庭").contains("迁移")
			.doesNotContain(holder.name()).doesNotContain(held.fileNo());
		HttpResponse<byte[]> report = stranger.getBytes(done.path("errorReport").asString());
		List<List<String>> lines = ImportResults.report(new ByteArrayInputStream(report.body()));
		assertThat(String.join(" ", lines.get(1))).contains("另一个有效家庭")
			.doesNotContain(holder.name()).doesNotContain(held.fileNo());

		Http above = Http.basic(port, fixtures.user(parent.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		JsonNode named = importHolding(above, parent);
		assertThat(named.path("issues").get(0).path("message").asString()).contains(holder.name())
			.contains(held.fileNo());
	}

	private JsonNode importHolding(Http http, OrganisationView into) throws InterruptedException {
		TemplateFile file = new TemplateFile();
		List<Map<TemplateColumn, String>> rows = file.household("ORACLE-1", 1);
		rows.get(0).put(TemplateColumn.ID_NUMBER, id);
		rows.get(0).put(TemplateColumn.SEX, "男");
		HttpResponse<String> res = new Multipart().field("existing", "skip")
			.field("organisationId", Long.toString(into.id()))
			.file("oracle.csv", file.csv())
			.post(http, "/api/v1/households/import");
		assertThat(res.statusCode()).as(res.body()).isEqualTo(202);
		return HouseholdImportApiIntegrationTests.awaitFinished(http, JSON.readTree(res.body()).path("id").asLong());
	}

}

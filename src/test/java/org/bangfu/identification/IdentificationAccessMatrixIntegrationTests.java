package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.shared.Role.ADMIN;
import static org.bangfu.shared.Role.APPROVER;
import static org.bangfu.shared.Role.AUDITOR;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.PAIRING_CADRE;
import static org.bangfu.shared.Role.REVIEWER;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.AccessMatrix;
import org.bangfu.support.AccessMatrix.Caller;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Every role against identification's reads, evaluations and what-if, aimed at a household
 * (and a decision) of the caller's own organisation and at one of a sibling: readers read,
 * evaluators record, finance officers get nothing, and a sibling's household or decision does
 * not exist (404). Edits of standards and rule sets are covered by the web tests.
 */
@IntegrationTest
@Import(Fixtures.class)
class IdentificationAccessMatrixIntegrationTests {

	static final EnumSet<Role> READ = EnumSet.of(ADMIN, CASEWORKER, REVIEWER, APPROVER, PAIRING_CADRE, AUDITOR);

	static final EnumSet<Role> EVALUATE = EnumSet.of(ADMIN, CASEWORKER, REVIEWER, APPROVER);

	static final EnumSet<Role> WHAT_IF = EnumSet.of(ADMIN, CASEWORKER, REVIEWER, APPROVER, AUDITOR);

	static final String WHAT_IF_BODY = """
			{"ruleSetCode": "union-classes", "standard": {"kind": "dibao_urban", "value": 400}}""";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Decisions decisions;

	static AccessMatrix matrix() {
		return new AccessMatrix()
			.endpoint("GET", "/api/v1/households/{household}/decision", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/households/{household}/decisions", null).allow(READ, 200, 404)
			.endpoint("POST", "/api/v1/households/{household}/decisions", "{\"ruleSetCode\": \"union-classes\"}").allow(EVALUATE, 201, 404)
			.endpoint("GET", "/api/v1/decisions", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/decisions/{decision}", null).allow(READ, 200, 404)
			.endpoint("POST", "/api/v1/evaluations", "{\"ruleSetCode\": \"union-classes\", \"householdIds\": [{household}]}").allow(EVALUATE, 200, 200)
			.endpoint("POST", "/api/v1/what-if", WHAT_IF_BODY).allow(WHAT_IF, 200, 200)
			.endpoint("GET", "/api/v1/standards", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/standards/kinds", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/rule-sets", null).allow(READ, 200, 200)
			.endpoint("GET", "/identification/households/{household}/panel", null).allow(READ, 200, 404)
			.endpoint("GET", "/identification/households/{household}/decisions", null).allow(READ, 200, 404)
			.endpoint("GET", "/identification/decisions", null).allow(READ, 200, 200)
			.endpoint("GET", "/identification/decisions/{decision}", null).allow(READ, 200, 404)
			.endpoint("GET", "/identification/standards", null).allow(READ, 200, 200)
			.endpoint("GET", "/identification/rule-sets", null).allow(READ, 200, 200)
			.endpoint("GET", "/identification/what-if", null).allow(WHAT_IF, 200, 200);
	}

	@Test
	void everyRoleGetsWhatTheMatrixSaysForOwnAndSiblingHouseholds() {
		OrganisationView parent = fixtures.organisation("识别矩阵上级");
		OrganisationView own = fixtures.organisationUnder(parent.id(), "识别矩阵本级");
		OrganisationView sibling = fixtures.organisationUnder(parent.id(), "识别矩阵兄弟");
		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.put(role, new Caller(fixtures.user(own.id(), role), Fixtures.PASSWORD));
		}
		long ownHousehold = household(own);
		long otherHousehold = household(sibling);
		long ownDecision = decisions.record(scope(own), ownHousehold, "union-classes", null, Locale.SIMPLIFIED_CHINESE).id();
		long otherDecision = decisions.record(scope(sibling), otherHousehold, "union-classes", null, Locale.SIMPLIFIED_CHINESE).id();

		AccessMatrix matrix = matrix();
		List<String> failures = matrix.check(port, callers::get,
				Map.of("household", "" + ownHousehold, "decision", "" + ownDecision),
				Map.of("household", "" + otherHousehold, "decision", "" + otherDecision));
		assertThat(matrix.rows()).hasSize(7 * 17);
		assertThat(failures).as("access matrix mismatches").isEmpty();

		String list = org.bangfu.support.Http.loggedIn(port, callers.get(CASEWORKER).login(), Fixtures.PASSWORD)
			.get("/identification/decisions?ruleSet=union-classes")
			.body();
		String fileNo = registry.find(scope(own), ownHousehold).orElseThrow().fileNo();
		assertThat(list).as("the list names the household by file number and head, linked to it")
			.contains(">" + fileNo + "</a>", "矩阵户主", "/households/" + ownHousehold + "\"")
			.doesNotContain(registry.find(scope(sibling), otherHousehold).orElseThrow().fileNo());
	}

	static Scope scope(OrganisationView org) {
		return new Scope(org.id(), org.path());
	}

	long household(OrganisationView org) {
		LocalDate today = registry.today();
		HouseholdView h = registry.file(scope(org), new FileHousehold(null, Places.household(Households.TOWNSHIP, null,
				HousingType.OWN), Places.member("矩阵户主", today.minusYears(40), true, Relation.HEAD, Employment.LAID_OFF,
				"0", Health.HEALTHY, null)));
		return h.id();
	}

}

package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document lists every pairing, visit, measure, agreement and ledger operation of the API. */
@IntegrationTest
class PairingOpenApiIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Method and path of every operation the issue asks for (pairings, capacity, unpaired, visits, policies, due, measures, agreements, ledger). */
	static final List<String> OPERATIONS = List.of("get /api/v1/cadres", "post /api/v1/cadres", "get /api/v1/cadres/{id}",
			"get /api/v1/pairings", "post /api/v1/pairings", "get /api/v1/pairings/{id}", "post /api/v1/pairings/bulk",
			"post /api/v1/pairings/import", "get /api/v1/pairings/imports/{id}", "get /api/v1/pairings/imports/{id}/report",
			"post /api/v1/pairings/{id}/end", "get /api/v1/pairings/unpaired", "get /api/v1/pairings/coverage",
			"get /api/v1/pairing-settings/{organisationId}", "put /api/v1/pairing-settings/{organisationId}",
			"get /api/v1/organisation-pairings", "post /api/v1/organisation-pairings", "get /api/v1/organisation-pairings/{id}",
			"post /api/v1/organisation-pairings/{id}/end", "get /api/v1/organisation-pairings/capacity/{helperId}",
			"get /api/v1/visits", "post /api/v1/visits", "get /api/v1/visits/{id}", "post /api/v1/visits/{id}/photos",
			"get /api/v1/visits/due", "get /api/v1/visits/overdue", "get /api/v1/households/{householdId}/indicators",
			"get /api/v1/indicators", "get /api/v1/visit-policies", "post /api/v1/visit-policies",
			"delete /api/v1/visit-policies/{id}", "get /api/v1/measures", "post /api/v1/measures", "put /api/v1/measures/{id}",
			"get /api/v1/agreements", "post /api/v1/agreements", "post /api/v1/agreements/{id}/sign",
			"post /api/v1/agreements/{id}/signed-page", "put /api/v1/agreements/clauses/{clauseId}",
			"get /api/v1/ledgers/{householdId}", "get /api/v1/ledgers/{householdId}/pdf",
			"post /api/v1/ledgers/{householdId}/confirmations");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theDocumentListsEveryPairingVisitAndLedgerOperationWithASummary() {
		JsonNode paths = JSON.readTree(Http.browser(port).get("/v3/api-docs").body()).path("paths");
		List<String> missing = new ArrayList<>();
		for (String operation : OPERATIONS) {
			String[] mp = operation.split(" ");
			JsonNode op = paths.path(mp[1]).path(mp[0]);
			if (op.isMissingNode() || op.path("summary").asText().isBlank()) {
				missing.add(operation);
			}
		}
		assertThat(missing).as("operations missing from /v3/api-docs or without a summary").isEmpty();

		assertThat(paths.path("/api/v1/pairings").path("post").path("tags").toString()).contains("Pairing");
		assertThat(paths.path("/api/v1/ledgers/{householdId}").path("get").path("tags").toString()).contains("Visits and ledger");
		assertThat(paths.path("/api/v1/ledgers/{householdId}/pdf").path("get").path("responses").path("200").path("content")
			.has("application/pdf")).isTrue();
		assertThat(paths.path("/api/v1/visits/{id}/photos").path("post").path("requestBody").path("content")
			.has("multipart/form-data")).isTrue();
		assertThat(paths.path("/api/v1/pairings/import").path("post").path("requestBody").path("content")
			.has("multipart/form-data")).isTrue();
		assertThat(paths.path("/api/v1/organisation-pairings/{id}/end").path("post").path("requestBody").toString())
			.contains("EndOrgPairing");
	}

	@Test
	void everyOperationOfThePairingControllersIsInTheListAndInTheDocument() {
		List<String> declared = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (isPairingApi(method)) {
				for (var m : info.getMethodsCondition().getMethods()) {
					for (String pattern : info.getPatternValues()) {
						declared.add(m.name().toLowerCase(Locale.ROOT) + " " + pattern);
					}
				}
			}
		});
		assertThat(declared).as("operations of org.bangfu.pairing.api").containsExactlyInAnyOrderElementsOf(OPERATIONS);
	}

	private static boolean isPairingApi(HandlerMethod method) {
		return method.getBeanType().getPackageName().equals("org.bangfu.pairing.api");
	}

}

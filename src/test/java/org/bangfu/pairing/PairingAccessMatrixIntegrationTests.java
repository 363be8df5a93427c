package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.shared.Role.ADMIN;
import static org.bangfu.shared.Role.APPROVER;
import static org.bangfu.shared.Role.AUDITOR;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.PAIRING_CADRE;
import static org.bangfu.shared.Role.REVIEWER;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.bangfu.identity.BangfuUser;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.AssistanceCommands.AddAgreement;
import org.bangfu.pairing.AssistanceCommands.AddMeasure;
import org.bangfu.pairing.AssistanceCommands.ClauseData;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingCommands.PairOrganisations;
import org.bangfu.pairing.PairingCommands.RegisterCadre;
import org.bangfu.pairing.PairingCommands.UpdateSettings;
import org.bangfu.pairing.PairingVocabulary.Frequency;
import org.bangfu.pairing.PairingVocabulary.Indicator;
import org.bangfu.pairing.PairingVocabulary.MeasureType;
import org.bangfu.pairing.PairingVocabulary.VisitKind;
import org.bangfu.pairing.VisitCommands.RecordVisit;
import org.bangfu.pairing.VisitCommands.SetPolicy;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.AccessMatrix;
import org.bangfu.support.AccessMatrix.Caller;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every role against every endpoint of pairing, visits, measures, agreements and the ledger, API
 * and pages, on objects of the caller's organisation and of a sibling organisation. Reading is
 * for everyone but the finance officer; pairing, settings, organisation pairings and visit
 * policies for administrators; recording visits, measures, agreements and ledger confirmations
 * for administrators and caseworkers on any household in scope and for a pairing cadre only on
 * the households paired with them (403 on the others). A sibling's objects are not found (404).
 * Each role works on its own objects (one set for the API, one for the pages); afterwards the
 * database shows that exactly the allowed writes happened: nothing changed for roles without
 * the right, nothing on the cadre's unpaired household, nothing at all in the sibling.
 */
@IntegrationTest
@Import(Fixtures.class)
class PairingAccessMatrixIntegrationTests {

	static final Set<Role> READ = EnumSet.of(ADMIN, CASEWORKER, REVIEWER, APPROVER, PAIRING_CADRE, AUDITOR);

	static final Set<Role> PAIR = EnumSet.of(ADMIN);

	static final Set<Role> RECORD = EnumSet.of(ADMIN, CASEWORKER, PAIRING_CADRE);

	static final Set<Role> RECORD_ANY = EnumSet.of(ADMIN, CASEWORKER);

	static final String HEAD = "王德明";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Pairings pairings;

	@Autowired
	Visits visits;

	@Autowired
	Assistance assistance;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	JdbcClient jdbc;

	static String visitJson(String household) {
		return "{\"householdId\":{" + household + "},\"visitedOn\":\"{today}\",\"kind\":\"HOME\",\"visitors\":\"矩阵走访\","
				+ "\"findings\":\"矩阵\",\"clientKey\":\"{unique}\"}";
	}

	static String measureJson(String household) {
		return "{\"householdId\":{" + household + "},\"type\":\"HOUSING\",\"beforeState\":\"漏雨\",\"targetAfter\":\"不漏\","
				+ "\"owner\":\"矩阵\"}";
	}

	static String agreementJson(String household) {
		return "{\"householdId\":{" + household + "},\"title\":\"矩阵协议\",\"clauses\":[{\"text\":\"修屋顶\",\"owner\":\"矩阵\"}]}";
	}

	static final String CONFIRM_JSON = "{\"periodFrom\":\"{today}\",\"periodTo\":\"{today}\",\"headName\":\"" + HEAD + "\"}";

	static final String PAGE_VISIT = "visitedOn={today}&kind=HOME&visitors=矩阵页面走访&findings=矩阵&clientKey={unique}";

	static final String PAGE_MEASURE = "type=HOUSING&beforeState=漏雨&targetAfter=不漏&owner=矩阵";

	static final String PAGE_AGREEMENT = "title=矩阵协议&clauseText=修屋顶&clauseOwner=矩阵&clauseDue=";

	static final String PAGE_CONFIRM = "periodFrom={today}&periodTo={today}&headName=" + HEAD;

	static AccessMatrix pairingMatrix() {
		AccessMatrix m = new AccessMatrix()
			// ---- API: cadres, pairings, unpaired, coverage, settings, organisation pairings
			.endpoint("GET", "/api/v1/cadres", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/cadres/{cadre}", null).allow(READ, 200, 404)
			.endpoint("POST", "/api/v1/cadres", "{\"organisationId\":{org},\"name\":\"矩阵干部{tag}\"}").allow(PAIR, 201, 404)
			.endpoint("GET", "/api/v1/pairings", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/pairings?householdId={h}", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/pairings/{hPairing}", null).allow(READ, 200, 404)
			.endpoint("POST", "/api/v1/pairings", "{\"cadreId\":{cadre},\"householdId\":{nh1}}").allow(PAIR, 201, 404)
			.endpoint("POST", "/api/v1/pairings/bulk", "{\"cadreId\":{cadre},\"householdIds\":[{nh2}]}").allow(PAIR, 200, 404)
			.endpoint("POST", "/api/v1/pairings/{endPairing}/end", "{\"reason\":\"OTHER\",\"confirmEarly\":true}")
			.allow(PAIR, 200, 404)
			.endpoint("GET", "/api/v1/pairings/unpaired", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/pairings/unpaired?organisationId={org}", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/pairings/coverage?organisationId={org}", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/pairings/coverage?by=region&region=420102", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/pairing-settings/{org}", null).allow(READ, 200, 404)
			.endpoint("PUT", "/api/v1/pairing-settings/{org}", "{\"cadreCap\":6,\"minTermMonths\":12,\"orgCapacity\":60}")
			.allow(PAIR, 200, 404)
			.endpoint("GET", "/api/v1/organisation-pairings", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/organisation-pairings/capacity/{org}", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/organisation-pairings/{orgPairing}", null).allow(READ, 200, 404)
			.endpoint("POST", "/api/v1/organisation-pairings", "{\"helperId\":{org},\"helpedId\":{helped},\"year\":{nextYear}}")
			.allow(PAIR, 201, 404)
			.endpoint("POST", "/api/v1/organisation-pairings/{orgPairing}/end", "{\"reason\":\"OTHER\"}").allow(PAIR, 200, 404)
			// ---- API: visits, indicators, policies, due lists
			.endpoint("GET", "/api/v1/visits?householdId={h}", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/visits/{visit}", null).allow(READ, 200, 404)
			.endpoint("POST", "/api/v1/visits", visitJson("h")).allow(RECORD, 201, 404)
			.endpoint("GET", "/api/v1/households/{h}/indicators", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/indicators?organisationId={org}", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/indicators?by=region&region=420102", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/visit-policies", null).allow(READ, 200, 200)
			.endpoint("POST", "/api/v1/visit-policies", "{\"organisationId\":{helped},\"frequency\":\"DAYS\",\"intervalDays\":30}")
			.allow(PAIR, 200, 404)
			.endpoint("DELETE", "/api/v1/visit-policies/{policy}", null).allow(PAIR, 204, 404)
			.endpoint("GET", "/api/v1/visits/due", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/visits/due?cadreId={cadre}&within=400", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/visits/overdue", null).allow(READ, 200, 200)
			// ---- API: measures, agreements, ledger
			.endpoint("GET", "/api/v1/measures?householdId={h}", null).allow(READ, 200, 404)
			.endpoint("POST", "/api/v1/measures", measureJson("h")).allow(RECORD, 201, 404)
			.endpoint("PUT", "/api/v1/measures/{measure}", "{\"status\":\"DONE\",\"result\":\"已修好\"}").allow(RECORD, 200, 404)
			.endpoint("GET", "/api/v1/agreements?householdId={h}", null).allow(READ, 200, 404)
			.endpoint("POST", "/api/v1/agreements", agreementJson("h")).allow(RECORD, 201, 404)
			.endpoint("POST", "/api/v1/agreements/{agreement}/sign", "{\"headName\":\"" + HEAD + "\"}").allow(RECORD, 200, 404)
			.endpoint("PUT", "/api/v1/agreements/clauses/{clause}", "{\"status\":\"DONE\"}").allow(RECORD, 200, 404)
			.endpoint("GET", "/api/v1/ledgers/{h}", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/ledgers/{h}/pdf", null).allow(READ, 200, 404)
			.endpoint("POST", "/api/v1/ledgers/{h}/confirmations", CONFIRM_JSON).allow(RECORD, 200, 404)
			// ---- pages: pairing
			.endpoint("GET", "/pairing/unpaired", null).allow(READ, 200, 200)
			.endpoint("GET", "/pairing/unpaired?organisationId={org}", null).allow(READ, 200, 404)
			.endpoint("POST", "/pairing/unpaired/pair", "cadreId={pcadre}&householdIds={pnh2}").allow(PAIR, 302, 404)
			.endpoint("GET", "/pairing/cadres", null).allow(READ, 200, 200)
			.endpoint("POST", "/pairing/cadres", "organisationId={org}&name=矩阵干部{ptag}").allow(PAIR, 302, 404)
			.endpoint("GET", "/pairing/cadres/{pcadre}", null).allow(READ, 200, 404)
			.endpoint("GET", "/pairing/households/{ph}", null).allow(READ, 200, 404)
			.endpoint("POST", "/pairing/households/{pnh1}/pair", "cadreId={pcadre}&type=ONE_TO_MANY").allow(PAIR, 302, 404)
			.endpoint("POST", "/pairing/pairings/{pendPairing}/end", "reason=OTHER&note=矩阵&confirmEarly=true")
			.allow(PAIR, 302, 404)
			.endpoint("GET", "/pairing/coverage", null).allow(READ, 200, 200)
			.endpoint("GET", "/pairing/coverage?organisationId={org}", null).allow(READ, 200, 404)
			.endpoint("GET", "/pairing/coverage?by=region&region=420102", null).allow(READ, 200, 200)
			.endpoint("GET", "/pairing/settings", null).allow(READ, 200, 200)
			.endpoint("GET", "/pairing/import", null).allow(PAIR, 200, 200)
			.endpoint("GET", "/pairing/import/template", null).allow(PAIR, 200, 200)
			// the settings page saves the caller's own organisation: there is no "other" to aim at
			.endpoint("POST", "/pairing/settings", "cadreCap=6&minTermMonths=12&orgCapacity=60").allow(PAIR, 302, 302)
			.endpoint("POST", "/pairing/organisation-pairings", "helperId={org}&helpedId={phelped}&year={nextYear}")
			.allow(PAIR, 302, 404)
			.endpoint("POST", "/pairing/organisation-pairings/{porgPairing}/end", "reason=GOALS_MET").allow(PAIR, 302, 404)
			// ---- pages: visits, photos, due lists, indicators, policies
			.endpoint("GET", "/visits/new?householdId={ph}", null).allow(RECORD, 200, 404)
			.endpoint("POST", "/visits", "householdId={ph}&" + PAGE_VISIT).allow(RECORD, 302, 404)
			.endpoint("GET", "/visits/photos/{pphoto}", null).allow(READ, 200, 404)
			.endpoint("GET", "/visits/due", null).allow(READ, 200, 200)
			.endpoint("GET", "/visits/due?overdue=true", null).allow(READ, 200, 200)
			.endpoint("GET", "/visits/due/mine", null).allow(READ, 200, 200)
			.endpoint("GET", "/visits/mine", null).allow(READ, 200, 200)
			.endpoint("GET", "/visits/indicators", null).allow(READ, 200, 200)
			.endpoint("GET", "/visits/indicators?organisationId={org}", null).allow(READ, 200, 404)
			.endpoint("GET", "/visits/policies", null).allow(READ, 200, 200)
			.endpoint("POST", "/visits/policies", "organisationId={phelped}&frequency=MONTHLY").allow(PAIR, 302, 404)
			.endpoint("POST", "/visits/policies/{ppolicy}/delete", null).allow(PAIR, 302, 404)
			// ---- pages: ledger, measures, agreements, confirmation
			.endpoint("GET", "/ledger/{ph}", null).allow(READ, 200, 404)
			.endpoint("GET", "/ledger/{ph}/pdf", null).allow(READ, 200, 404)
			.endpoint("POST", "/ledger/{ph}/measures", PAGE_MEASURE).allow(RECORD, 302, 404)
			.endpoint("POST", "/ledger/{ph}/measures/{pmeasure}", "status=DONE&result=已修好").allow(RECORD, 302, 404)
			.endpoint("POST", "/ledger/{ph}/agreements", PAGE_AGREEMENT).allow(RECORD, 302, 404)
			.endpoint("POST", "/ledger/{ph}/agreements/{pagreement}/sign", "headName=" + HEAD).allow(RECORD, 302, 404)
			.endpoint("GET", "/ledger/{ph}/agreements/{psigned}/file", null).allow(READ, 200, 404)
			.endpoint("POST", "/ledger/{ph}/clauses/{pclause}", "status=DONE").allow(RECORD, 302, 404)
			.endpoint("POST", "/ledger/{ph}/confirm", PAGE_CONFIRM).allow(RECORD, 302, 404);
		// ---- a household in scope that is not paired with the caller: a pairing cadre is refused
		onAnotherCadresHousehold(m, "POST", "/api/v1/visits", visitJson("uh"), 201);
		onAnotherCadresHousehold(m, "POST", "/api/v1/measures", measureJson("uh"), 201);
		onAnotherCadresHousehold(m, "PUT", "/api/v1/measures/{umeasure}", "{\"status\":\"CANCELLED\"}", 200);
		onAnotherCadresHousehold(m, "POST", "/api/v1/agreements", agreementJson("uh"), 201);
		onAnotherCadresHousehold(m, "POST", "/api/v1/agreements/{uagreement}/sign", "{\"headName\":\"" + HEAD + "\"}", 200);
		onAnotherCadresHousehold(m, "PUT", "/api/v1/agreements/clauses/{uclause}", "{\"status\":\"DONE\"}", 200);
		onAnotherCadresHousehold(m, "POST", "/api/v1/ledgers/{uh}/confirmations", CONFIRM_JSON, 200);
		onAnotherCadresHousehold(m, "GET", "/visits/new?householdId={puh}", null, 200);
		onAnotherCadresHousehold(m, "POST", "/visits", "householdId={puh}&" + PAGE_VISIT, 302);
		onAnotherCadresHousehold(m, "POST", "/ledger/{puh}/measures", PAGE_MEASURE, 302);
		onAnotherCadresHousehold(m, "POST", "/ledger/{puh}/measures/{pumeasure}", "status=CANCELLED", 302);
		onAnotherCadresHousehold(m, "POST", "/ledger/{puh}/agreements", PAGE_AGREEMENT, 302);
		onAnotherCadresHousehold(m, "POST", "/ledger/{puh}/agreements/{puagreement}/sign", "headName=" + HEAD, 302);
		onAnotherCadresHousehold(m, "POST", "/ledger/{puh}/clauses/{puclause}", "status=DONE", 302);
		onAnotherCadresHousehold(m, "POST", "/ledger/{puh}/confirm", PAGE_CONFIRM, 302);
		return m;
	}

	/** Administrators and caseworkers get {@code ok}, a pairing cadre 403, the rest 403; a sibling's: 404 for all three. */
	static void onAnotherCadresHousehold(AccessMatrix m, String method, String path, String body, int ok) {
		for (Role role : Role.values()) {
			int own = RECORD_ANY.contains(role) ? ok : 403;
			int other = RECORD.contains(role) ? 404 : 403;
			m.row(role, method, path, body, own, other);
		}
	}

	/** The objects one role works on (one set for the API, one for the pages), or the sibling's. */
	record Target(String tag, long org, long h, long uh, long nh1, long nh2, long eh, long cadre, long hPairing,
			long endPairing, long visit, long uvisit, long photo, long measure, long umeasure, long agreement,
			long agreement2, long signed, long clause, long uagreement, long uclause, long helped, long orgPairing,
			long policy) {

		Map<String, String> placeholders(String prefix) {
			Map<String, String> m = new HashMap<>();
			m.put(prefix + "tag", tag);
			for (var c : Target.class.getRecordComponents()) {
				if (c.getType() == long.class) {
					try {
						m.put(prefix + c.getName(), String.valueOf(c.getAccessor().invoke(this)));
					}
					catch (ReflectiveOperationException ex) {
						throw new IllegalStateException(ex);
					}
				}
			}
			m.remove(prefix + "org"); // the organisation is shared by both sets: {org}
			return m;
		}

		List<Long> households() {
			return List.of(h, uh, nh1, nh2, eh);
		}

	}

	@Test
	void everyRoleGetsWhatTheMatrixSaysAndTheDatabaseShowsOnlyTheAllowedWrites() {
		var parent = fixtures.organisation("结对矩阵上级");
		var own = fixtures.organisationUnder(parent.id(), "结对矩阵本级");
		var sibling = fixtures.organisationUnder(parent.id(), "结对矩阵兄弟");
		Actor ownAdmin = admin(own);
		Actor siblingAdmin = admin(sibling);
		pairings.updateSettings(ownAdmin.scope(), own.id(), new UpdateSettings(5, 12, 60));
		pairings.updateSettings(siblingAdmin.scope(), sibling.id(), new UpdateSettings(5, 12, 60));
		String today = pairings.today().toString();
		String nextYear = String.valueOf(pairings.today().getYear() + 1);

		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		Map<Role, Target> apiTargets = new EnumMap<>(Role.class);
		Map<Role, Target> pageTargets = new EnumMap<>(Role.class);
		Map<Role, Map<String, String>> values = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			String login = fixtures.user(own.id(), role);
			callers.put(role, new Caller(login, Fixtures.PASSWORD));
			Long cadreUser = role == PAIRING_CADRE ? fixtures.userId(login) : null;
			apiTargets.put(role, target(own, ownAdmin, cadreUser, role + "-api"));
			pageTargets.put(role, target(own, ownAdmin, cadreUser, role + "-page"));
			Map<String, String> v = new HashMap<>(apiTargets.get(role).placeholders(""));
			v.putAll(pageTargets.get(role).placeholders("p"));
			v.put("org", "" + own.id());
			v.put("today", today);
			v.put("nextYear", nextYear);
			values.put(role, v);
		}
		Target theirs = target(sibling, siblingAdmin, null, "sibling");
		Map<String, String> other = new HashMap<>(theirs.placeholders(""));
		other.putAll(theirs.placeholders("p"));
		other.put("org", "" + sibling.id());
		other.put("today", today);
		other.put("nextYear", nextYear);

		Map<Target, Map<String, Object>> before = new HashMap<>();
		for (Role role : Role.values()) {
			before.put(apiTargets.get(role), snapshot(apiTargets.get(role)));
			before.put(pageTargets.get(role), snapshot(pageTargets.get(role)));
		}
		Map<String, Object> siblingBefore = snapshot(theirs);

		AccessMatrix matrix = pairingMatrix();
		List<String> failures = new ArrayList<>(matrix.check(port, callers::get, values::get, role -> other));
		failures.addAll(uploads(callers, apiTargets, pageTargets, theirs));

		assertThat(failures).as("access matrix mismatches").isEmpty();
		assertThat(matrix.rows()).as("81 endpoints and 15 on another cadre's household, for 7 roles").hasSize(7 * (81 + 15));

		for (Role role : Role.values()) {
			for (Target t : List.of(apiTargets.get(role), pageTargets.get(role))) {
				Map<String, Object> was = before.get(t);
				Map<String, Object> now = snapshot(t);
				String as = role + " " + t.tag();
				if (!PAIR.contains(role) && !RECORD.contains(role)) {
					assertThat(now).as(as + ": nothing changed").isEqualTo(was);
					continue;
				}
				if (PAIR.contains(role)) {
					assertThat(activeCadre(t.nh1())).as(as + " paired").isEqualTo(t.cadre());
					assertThat(activeCadre(t.nh2())).as(as + " bulk-paired").isEqualTo(t.cadre());
					assertThat(activeCadre(t.eh())).as(as + " ended").isNull();
					assertThat(rows("SELECT year, end_reason FROM pairing_org_pairing WHERE helped_id = ? ORDER BY year", t.helped()))
						.as(as + " organisation pairing ended and a new one made")
						.extracting(r -> r.get("end_reason"))
						.containsExactly(t.tag().endsWith("api") ? "OTHER" : "GOALS_MET", null);
					assertThat(rows("SELECT category, frequency FROM pairing_visit_policy WHERE organisation_id = ?", t.helped()))
						.as(as + " policy set and the other deleted")
						.singleElement()
						.satisfies(r -> assertThat(r.get("category")).isNull());
					assertThat(count("SELECT count(*) FROM pairing_cadre WHERE name = ?", "矩阵干部" + t.tag())).as(as).isEqualTo(1);
				}
				else {
					for (String key : List.of("pairings", "orgPairings", "policies", "cadres")) {
						assertThat(now.get(key)).as(as + " " + key + " unchanged").isEqualTo(was.get(key));
					}
				}
				// recording on the household recordable by the caller (for a cadre: paired with them)
				assertThat(count("SELECT count(*) FROM pairing_visit WHERE household_id = ? AND visitors LIKE '矩阵%'", t.h()))
					.as(as + " visit recorded").isEqualTo(1);
				assertThat(count("SELECT count(*) FROM pairing_visit_photo p JOIN pairing_visit v ON v.id = p.visit_id WHERE v.id = ?",
						t.visit())).as(as + " photo added (API only)").isEqualTo(t.tag().endsWith("api") ? 2 : 1);
				assertThat(rows("SELECT status, result FROM pairing_measure WHERE household_id = ? ORDER BY id", t.h()))
					.as(as + " measure updated and added")
					.extracting(r -> r.get("status") + "/" + r.get("result"))
					.containsExactly("DONE/已修好", "PLANNED/null");
				assertThat(rows("SELECT title, signed_how FROM pairing_agreement WHERE household_id = ? ORDER BY id", t.h()))
					.as(as + " agreements signed and added")
					.extracting(r -> r.get("title") + "/" + r.get("signed_how"))
					.containsExactly("协议一/ON_SCREEN", "协议二/UPLOAD", "协议三/UPLOAD", "矩阵协议/null");
				assertThat(count("SELECT count(*) FROM pairing_agreement_clause WHERE id = ? AND status = 'DONE'", t.clause()))
					.as(as + " clause done").isEqualTo(1);
				assertThat(count("SELECT count(*) FROM pairing_ledger_confirmation WHERE household_id = ?", t.h()))
					.as(as + " ledger confirmed").isEqualTo(1);
				// recording on a household in scope paired with somebody else
				long recorded = count("SELECT count(*) FROM pairing_visit WHERE household_id = ? AND visitors LIKE '矩阵%'", t.uh());
				if (role == PAIRING_CADRE) {
					assertThat(recorded).as(as + ": no visit for a household not paired with the cadre").isZero();
					for (String key : List.of("uhVisits", "uhPhotos", "uhMeasures", "uhAgreements", "uhClauses", "uhConfirmations")) {
						assertThat(now.get(key)).as(as + " " + key + " unchanged").isEqualTo(was.get(key));
					}
				}
				else {
					assertThat(recorded).as(as + " visit on another cadre's household").isEqualTo(1);
					assertThat(rows("SELECT status FROM pairing_measure WHERE household_id = ? ORDER BY id", t.uh()))
						.extracting(r -> r.get("status")).containsExactly("CANCELLED", "PLANNED");
					assertThat(rows("SELECT signed_how FROM pairing_agreement WHERE household_id = ? ORDER BY id", t.uh()))
						.extracting(r -> r.get("signed_how")).containsExactly("ON_SCREEN", null);
					assertThat(count("SELECT count(*) FROM pairing_visit_photo p WHERE p.visit_id = ?", t.uvisit()))
						.as(as + " photo on another cadre's household").isEqualTo(t.tag().endsWith("api") ? 1 : 0);
					assertThat(count("SELECT count(*) FROM pairing_ledger_confirmation WHERE household_id = ?", t.uh())).isEqualTo(1);
				}
			}
		}
		assertThat(snapshot(theirs)).as("the sibling's objects").isEqualTo(siblingBefore);
		assertThat(pairings.settings(ownAdmin.scope(), own.id()).cadreCap()).as("settings saved by the administrator").isEqualTo(6);
		assertThat(pairings.settings(siblingAdmin.scope(), sibling.id()).cadreCap()).isEqualTo(5);
	}

	@Test
	void aCadreIsRefusedWithAProblemOnAnotherCadresHouseholdAndNoListShowsASiblingsObjects() {
		var parent = fixtures.organisation("结对列表上级");
		var own = fixtures.organisationUnder(parent.id(), "结对列表本级");
		var sibling = fixtures.organisationUnder(parent.id(), "结对列表兄弟");
		Actor ownAdmin = admin(own);
		Actor siblingAdmin = admin(sibling);
		pairings.updateSettings(siblingAdmin.scope(), sibling.id(), new UpdateSettings(5, 12, 60));
		pairings.updateSettings(ownAdmin.scope(), own.id(), new UpdateSettings(5, 12, 60));
		String cadre = fixtures.user(own.id(), PAIRING_CADRE);
		Target mine = target(own, ownAdmin, fixtures.userId(cadre), "list-own");
		Target theirs = target(sibling, siblingAdmin, null, "list-sibling");
		String theirFileNo = registry.find(siblingAdmin.scope(), theirs.h()).orElseThrow().fileNo();
		String theirHelped = jdbc.sql("SELECT name FROM organisation WHERE id = ?").param(theirs.helped()).query(String.class).single();

		Http api = Http.basic(port, cadre, Fixtures.PASSWORD);
		HttpResponse<String> refused = api.json("POST", "/api/v1/visits",
				fill(visitJson("uh"), Map.of("uh", "" + mine.uh(), "today", pairings.today().toString(),
						"unique", "refused-" + System.nanoTime())));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("\"status\":403");
		assertThat(visits.ofHousehold(ownAdmin.scope(), mine.uh())).extracting(VisitView::visitors).containsExactly("准备");
		Http page = Http.loggedIn(port, cadre, Fixtures.PASSWORD);
		assertThat(page.get("/ledger/" + mine.uh()).body()).as("no recording buttons on another cadre's household")
			.doesNotContain("id=\"ledger-record\"", "id=\"confirm-form\"");
		assertThat(page.get("/ledger/" + mine.h()).body()).contains("id=\"ledger-record\"", "id=\"confirm-form\"");
		HttpResponse<String> form = page.get("/visits/new?householdId=" + mine.uh());
		assertThat(form.statusCode()).isEqualTo(403);
		assertThat(form.body()).doesNotContain("id=\"visit-form\"");

		Http admin = Http.basic(port, fixtures.user(own.id(), ADMIN), Fixtures.PASSWORD);
		for (String path : List.of("/api/v1/cadres", "/api/v1/pairings?limit=500", "/api/v1/pairings/unpaired?size=100",
				"/api/v1/organisation-pairings", "/api/v1/visits/due?within=400", "/api/v1/visit-policies",
				"/api/v1/pairings/coverage", "/api/v1/indicators")) {
			assertThat(admin.get(path).body()).as(path).doesNotContain(theirFileNo, theirHelped, "乙干部list-sibling");
		}
		Http adminPage = Http.loggedIn(port, fixtures.user(own.id(), ADMIN), Fixtures.PASSWORD);
		for (String path : List.of("/pairing/cadres", "/pairing/unpaired?size=100", "/pairing/settings", "/visits/due?within=400",
				"/visits/policies", "/pairing/coverage", "/visits/indicators")) {
			assertThat(adminPage.get(path).body()).as(path).doesNotContain(theirFileNo, theirHelped, "乙干部list-sibling");
		}
	}

	private static String fill(String template, Map<String, String> values) {
		String result = template;
		for (var e : values.entrySet()) {
			result = result.replace("{" + e.getKey() + "}", e.getValue());
		}
		return result;
	}

	// ---- uploads (multipart: outside the matrix, same expectations)

	private List<String> uploads(Map<Role, Caller> callers, Map<Role, Target> api, Map<Role, Target> pages, Target theirs) {
		List<String> failures = new ArrayList<>();
		byte[] png = png();
		for (Role role : Role.values()) {
			Caller c = callers.get(role);
			Http basic = Http.basic(port, c.login(), c.password());
			Target a = api.get(role);
			expect(failures, role, "photo own", upload(basic, "/api/v1/visits/" + a.visit() + "/photos", png, null),
					RECORD.contains(role) ? 200 : 403);
			expect(failures, role, "photo other", upload(basic, "/api/v1/visits/" + theirs.visit() + "/photos", png, null),
					RECORD.contains(role) ? 404 : 403);
			expect(failures, role, "photo on another cadre's household",
					upload(basic, "/api/v1/visits/" + a.uvisit() + "/photos", png, null), RECORD_ANY.contains(role) ? 200 : 403);
			expect(failures, role, "signed page own", upload(basic, "/api/v1/agreements/" + a.agreement2() + "/signed-page", png, null),
					RECORD.contains(role) ? 200 : 403);
			expect(failures, role, "signed page other",
					upload(basic, "/api/v1/agreements/" + theirs.agreement2() + "/signed-page", png, null), RECORD.contains(role) ? 404 : 403);
			Http page = Http.loggedIn(port, c.login(), c.password());
			page.get("/");
			Target p = pages.get(role);
			expect(failures, role, "page upload own",
					upload(page, "/ledger/" + p.h() + "/agreements/" + p.agreement2() + "/upload", png, page.csrf()),
					RECORD.contains(role) ? 302 : 403);
			expect(failures, role, "page upload other",
					upload(page, "/ledger/" + theirs.h() + "/agreements/" + theirs.agreement2() + "/upload", png, page.csrf()),
					RECORD.contains(role) ? 404 : 403);
			// a pairing import whose only row names nobody: administrators get the result, nothing is written
			byte[] sheet = "干部账号,户编号\r\nnobody-matrix,NONE\r\n".getBytes(StandardCharsets.UTF_8);
			expect(failures, role, "pairing import api", upload(basic, "/api/v1/pairings/import", sheet, null),
					PAIR.contains(role) ? 201 : 403);
			expect(failures, role, "pairing import page", upload(page, "/pairing/import", sheet, page.csrf()),
					PAIR.contains(role) ? 302 : 403);
		}
		return failures;
	}

	private static void expect(List<String> failures, Role role, String what, int got, int expected) {
		if (got != expected) {
			failures.add(role + " " + what + ": expected " + expected + ", got " + got);
		}
	}

	private static int upload(Http http, String path, byte[] content, String csrf) {
		String boundary = "----matrix" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			if (csrf != null) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"page.png\"\r\n"
					+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		HttpRequest.Builder b = http.request(path)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		return http.send(b.build()).statusCode();
	}

	// ---- test data

	private Actor admin(OrganisationView org) {
		String login = fixtures.user(org.id(), ADMIN);
		return new BangfuUser(fixtures.userId(login), login, "测试用户" + login, org.id(), org.path(), org.name(),
				EnumSet.of(ADMIN), "", true, null);
	}

	private Target target(OrganisationView org, Actor admin, Long cadreUser, String tag) {
		Scope scope = admin.scope();
		long h = household(scope, org);
		long uh = household(scope, org);
		long nh1 = household(scope, org);
		long nh2 = household(scope, org);
		long eh = household(scope, org);
		CadreView a = pairings.registerCadre(scope, new RegisterCadre(org.id(), "甲干部" + tag, null, null));
		CadreView b = pairings.registerCadre(scope, new RegisterCadre(org.id(), "乙干部" + tag, null, null));
		PairingView hp = pairings.pair(scope, cadreUser != null ? new Pair(null, cadreUser, h, null, null, null)
				: new Pair(b.id(), null, h, null, null, null));
		pairings.pair(scope, new Pair(b.id(), null, uh, null, null, null));
		PairingView ep = pairings.pair(scope, new Pair(b.id(), null, eh, null, null, null));
		var today = pairings.today();
		VisitView v = visits.recordWithPhotos(admin, new RecordVisit(h, today, VisitKind.HOME, "准备", null, null, null,
				Checklist.of(Map.of(Indicator.FOOD, true)), null), List.of(png()));
		VisitView uv = visits.record(admin, new RecordVisit(uh, today, VisitKind.PHONE, "准备", null, null, null, null, null));
		MeasureView m = assistance.addMeasure(admin, new AddMeasure(h, null, MeasureType.HOUSING, "漏雨", "不漏", "准备", null));
		MeasureView um = assistance.addMeasure(admin, new AddMeasure(uh, null, MeasureType.HOUSING, "漏雨", "不漏", "准备", null));
		AgreementView ag = agreement(admin, h, "协议一");
		AgreementView ag2 = agreement(admin, h, "协议二");
		AgreementView signed = agreement(admin, h, "协议三");
		assistance.signByUpload(admin, signed.id(), png());
		AgreementView uag = agreement(admin, uh, "协议一");
		OrganisationView helped = fixtures.organisationUnder(org.id(), "受助" + tag);
		OrgPairingView op = pairings.pairOrganisations(scope, new PairOrganisations(org.id(), helped.id(), today.getYear(), null));
		VisitPolicyView policy = visits.setPolicy(scope, new SetPolicy(helped.id(), "DIBAO", Frequency.QUARTERLY, null));
		return new Target(tag, org.id(), h, uh, nh1, nh2, eh, a.id(), hp.id(), ep.id(), v.id(), uv.id(), v.photos().get(0).id(),
				m.id(), um.id(), ag.id(), ag2.id(), signed.id(), ag.clauses().get(0).id(), uag.id(), uag.clauses().get(0).id(),
				helped.id(), op.id(), policy.id());
	}

	private AgreementView agreement(Actor admin, long household, String title) {
		return assistance.addAgreement(admin, new AddAgreement(household, title, null, null, List.of(new ClauseData("修屋顶", "准备", null))));
	}

	private long household(Scope scope, OrganisationView org) {
		return PairingData.household(registry, scope, org.id()).id();
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	// ---- what the database holds

	/** Everything the matrix could change for a target, read straight from the tables. */
	private Map<String, Object> snapshot(Target t) {
		Map<String, Object> m = new LinkedHashMap<>();
		List<Long> hs = t.households();
		m.put("pairings", rows("SELECT household_id, cadre_id, ended_on, end_reason FROM pairing_pairing WHERE household_id IN (:hs) ORDER BY id", hs));
		m.put("visits", rows("SELECT household_id, visitors FROM pairing_visit WHERE household_id IN (:hs) ORDER BY id", hs));
		m.put("photos", rows("SELECT p.id FROM pairing_visit_photo p JOIN pairing_visit v ON v.id = p.visit_id WHERE v.household_id IN (:hs) ORDER BY p.id", hs));
		m.put("measures", rows("SELECT household_id, status, result FROM pairing_measure WHERE household_id IN (:hs) ORDER BY id", hs));
		m.put("agreements", rows("SELECT household_id, title, signed_how FROM pairing_agreement WHERE household_id IN (:hs) ORDER BY id", hs));
		m.put("clauses", rows("SELECT c.id, c.status FROM pairing_agreement_clause c JOIN pairing_agreement a ON a.id = c.agreement_id WHERE a.household_id IN (:hs) ORDER BY c.id", hs));
		m.put("confirmations", rows("SELECT household_id FROM pairing_ledger_confirmation WHERE household_id IN (:hs) ORDER BY id", hs));
		m.put("orgPairings", rows("SELECT helper_id, year, ended_on, end_reason FROM pairing_org_pairing WHERE helped_id = ? ORDER BY id", t.helped()));
		m.put("policies", rows("SELECT category, frequency FROM pairing_visit_policy WHERE organisation_id = ? ORDER BY id", t.helped()));
		m.put("cadres", rows("SELECT name, active_households FROM pairing_cadre WHERE id = ? OR name = ? ORDER BY id", t.cadre(), "矩阵干部" + t.tag()));
		List<Long> uh = List.of(t.uh());
		m.put("uhVisits", rows("SELECT id, visitors FROM pairing_visit WHERE household_id IN (:hs) ORDER BY id", uh));
		m.put("uhPhotos", rows("SELECT p.id FROM pairing_visit_photo p JOIN pairing_visit v ON v.id = p.visit_id WHERE v.household_id IN (:hs)", uh));
		m.put("uhMeasures", rows("SELECT id, status FROM pairing_measure WHERE household_id IN (:hs) ORDER BY id", uh));
		m.put("uhAgreements", rows("SELECT id, signed_how FROM pairing_agreement WHERE household_id IN (:hs) ORDER BY id", uh));
		m.put("uhClauses", rows("SELECT c.id, c.status FROM pairing_agreement_clause c JOIN pairing_agreement a ON a.id = c.agreement_id WHERE a.household_id IN (:hs) ORDER BY c.id", uh));
		m.put("uhConfirmations", rows("SELECT id FROM pairing_ledger_confirmation WHERE household_id IN (:hs)", uh));
		return m;
	}

	private List<Map<String, Object>> rows(String sql, List<Long> households) {
		return jdbc.sql(sql).param("hs", households).query().listOfRows();
	}

	private List<Map<String, Object>> rows(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query().listOfRows();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private Long activeCadre(long household) {
		return jdbc.sql("SELECT cadre_id FROM pairing_pairing WHERE household_id = ? AND ended_on IS NULL")
			.param(household)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}

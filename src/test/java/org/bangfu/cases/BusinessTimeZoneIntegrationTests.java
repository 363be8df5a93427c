package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.organisation.OrganisationType.UNION;
import static org.bangfu.shared.Role.AUDITOR;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.REVIEWER;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TimeZone;

import org.bangfu.cases.CaseWorld.Family;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One business time zone: whatever the JVM's default zone (a server on UTC, or elsewhere), the
 * case page and the case archive PDF show the same step at the same Beijing time,
 * and never at the server's.
 */
@IntegrationTest
@Import(Fixtures.class)
class BusinessTimeZoneIntegrationTests {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "UTC", "America/Los_Angeles" })
	void pagesPdfsAndTheAuditLogShowTheBusinessTimeWhateverTheServerZone(String serverZone) {
		TimeZone before = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone(serverZone));
		try {
			CaseWorld world = new CaseWorld(port, fixtures, organisations, registry);
			OrganisationView county = world.org(null, "时区县工会", UNION, "420102");
			OrganisationView base = world.org(county.id(), "时区基层", UNION, "420102");
			Http caseworker = Http.basic(port, fixtures.user(base.id(), CASEWORKER), Fixtures.PASSWORD);
			Family family = world.family(base, "时区测试");
			long id = world.open(caseworker, "NEW_FILING", family.id(), null).path("id").asLong();
			world.uploadFilingDocuments(caseworker, id, family);
			world.submit(caseworker, id);
			world.pass(world.api(county.id(), REVIEWER), id, CaseWorld.VISIT);

			List<Instant> steps = jdbc.sql("SELECT at FROM cases_transition WHERE case_id = ? ORDER BY id")
				.param(id)
				.query(Instant.class)
				.list();
			Instant last = steps.get(steps.size() - 1);
			String beijing = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(last.atZone(BEIJING));
			String server = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(last.atZone(ZoneId.of(serverZone)));
			assertThat(beijing).isNotEqualTo(server);

			Http auditor = Http.loggedIn(port, fixtures.user(county.id(), AUDITOR), Fixtures.PASSWORD);
			assertThat(auditor.get("/cases/" + id).body()).as("case page").contains(beijing).doesNotContain(server);
			// the PDF's text comes out without spaces
			assertThat(PdfText.of(auditor.getBytes("/cases/" + id + "/archive.pdf").body())).as("archive PDF")
				.contains(beijing.replace(" ", ""))
				.doesNotContain(server.replace(" ", ""));
		}
		finally {
			TimeZone.setDefault(before);
		}
	}

}

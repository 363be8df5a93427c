package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A scheduled program's page shows its next dates and prefills the open-a-cycle form from the
 * next one; the calendar lists the programs' dates of the year; the payer API answers bad input
 * with a message in Chinese and refuses a bank file for a roster not approved.
 */
@IntegrationTest
@Import({ Fixtures.class, RosterWorld.class })
class PayoutPagesAndApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	Programs programs;

	@Autowired
	Schedules schedules;

	@Autowired
	BusinessClock clock;

	@Test
	void aScheduledProgramShowsItsNextDatesAndPrefillsTheCycleFormAndTheCalendarListsItsDates() {
		RosterWorld.World w = world.world("下次发放");
		Http finance = Http.loggedIn(port, w.finance().login(), Fixtures.PASSWORD);
		ProgramView heating = programs.active("plan10-heating").orElseThrow();
		LocalDate today = clock.today();
		ScheduleOccurrence next = schedules.next("month 11", today).orElseThrow();

		String page = finance.get("/programs/" + heating.id()).body();
		assertThat(page).contains("id=\"upcoming-dates\"", next.date().toString(), "id=\"open-next-cycle\"");

		String form = finance.get("/programs/cycles?programId=" + heating.id()).body();
		int y = next.date().getYear();
		assertThat(form).contains("value=\"取暖补助 " + y + "\"", "value=\"" + y + "\"",
				"value=\"" + next.date().withDayOfMonth(1) + "\"", "value=\"" + next.payBy() + "\"");

		String calendar = finance.get("/programs/calendar?year=" + y).body();
		assertThat(calendar).contains("id=\"program-dates\"", "取暖补助", next.date().toString());
		// event programs have no dates of their own
		assertThat(finance.get("/programs/" + programs.active("plan2-heat-warning").orElseThrow().id()).body())
			.doesNotContain("id=\"upcoming-dates\"");
	}

	@Test
	void thePayerApiAndTheBankBatchApiAnswerLikeAUserExpects() throws Exception {
		RosterWorld.World w = world.world("付款账户接口");
		Http api = Http.basic(port, w.finance().login(), Fixtures.PASSWORD);
		assertThat(api.get("/api/v1/bank/payer").statusCode()).isEqualTo(404);
		HttpResponse<String> bad = api.json("PUT", "/api/v1/bank/payer", "{\"name\":\"某县民政局\",\"account\":\"12x\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("账号应为 8 到 32 位数字");
		assertThat(api.json("PUT", "/api/v1/bank/payer", "{\"name\":\"某县民政局\",\"account\":\"1202020209000012345\"}")
			.statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/bank/payer").body()).contains("某县民政局", "1202020209000012345");

		LocalDate today = clock.today();
		world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("王接口", today.minusYears(61), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		CycleView c = world.run(w, "plan10-heating", "API" + w.place().organisation().id(), LocalDate.of(today.getYear(), 11, 1),
				LocalDate.of(today.getYear(), 11, 30));
		HttpResponse<String> refused = api.json("POST", "/api/v1/cycles/" + c.id() + "/bank-batch", "{\"layoutId\":1}");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("尚未审批");
		// the roster page of a cycle not approved offers no bank file
		Http finance = Http.loggedIn(port, w.finance().login(), Fixtures.PASSWORD);
		assertThat(finance.get("/programs/cycles/" + c.id()).body()).doesNotContain("id=\"create-bank-batch\"")
			.contains("未发送");
		assertThat(Http.basic(port, w.approver().login(), Fixtures.PASSWORD)
			.json("PUT", "/api/v1/bank/payer", "{\"name\":\"x\",\"account\":\"1202020209000012345\"}").statusCode())
			.isEqualTo(403);
	}

}

package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The calendar and event pages as a finance officer sees them. */
@IntegrationTest
class EventPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Test
	void theCalendarOf2027ShowsFestivalsWithTheirLunarDatesAndResolvesTypedSchedules() {
		OrganisationView org = fixtures.organisation("日历工会");
		Http http = Http.loggedIn(port, fixtures.user(org.id(), Role.FINANCE_OFFICER), Fixtures.PASSWORD);
		String page = http.get("/programs/calendar?year=2027&specs=lunar%2012-25%20before%0Aweekly%203").body();
		assertThat(page).contains("2027 年发放日历")
			.contains("2027-02-06 星期六")
			.contains("农历正月初一（春节）")
			.contains("2027-10-08 星期五")
			.contains("农历九月初九（重阳节）")
			.contains("2027-09-15");
		// 腊月二十五 of lunar 2026 is Monday 2027-02-01, a working day: paid by that day
		assertThat(page).contains("2027-02-01").contains("农历腊月二十五前").contains("无法识别的发放时间“weekly 3”");
		assertThat(http.get("/programs/calendar?year=2027&lang=en").body()).contains("Double Ninth Festival");
		Http caseworker = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(caseworker.get("/programs/calendar").statusCode()).isEqualTo(403);
	}

	@Test
	void declaringOnTheFormShowsWhoItReachesAndBadInputKeepsTheForm() {
		OrganisationView org = fixtures.organisation("页面工会");
		EventWorld.household(registry, org, EventWorld.YIYUAN, "陈桂兰");
		Http http = Http.loggedIn(port, fixtures.user(org.id(), Role.REVIEWER), Fixtures.PASSWORD);
		http.get("/programs/events/new");
		HttpResponse<String> added = http.form("/programs/events/new",
				Map.of("kind", "FLOOD", "region", "420102003000", "action", "add", "from", "2027-06-01", "to", "2027-06-10"));
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).contains("一元街道").contains("name=\"regionCodes\" value=\"420102003000\"");

		HttpResponse<String> bad = http.form("/programs/events/new", Map.of("kind", "FLOOD", "regionCodes", "420102003000",
				"action", "declare", "from", "2027-06-10", "to", "2027-06-01"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("开始日期 2027-06-10 晚于结束日期 2027-06-01").contains("一元街道");

		HttpResponse<String> declared = http.form("/programs/events/new", Map.of("kind", "FLOOD", "regionCodes",
				"420102003000", "action", "declare", "from", "2027-06-01", "to", "2027-06-10", "note", "长江汛情"));
		assertThat(declared.statusCode()).isEqualTo(302);
		String location = declared.headers().firstValue("Location").orElseThrow();
		String detail = http.get(location.replaceFirst("^https?://[^/]+", "")).body();
		assertThat(detail).contains("洪涝灾害").contains("一元街道").contains("共 1 户、1 人").contains("陈桂兰");
		assertThat(http.get("/programs/events").body()).contains("洪涝灾害").contains("2027-06-01 ~ 2027-06-10");
		assertThat(http.get("/programs/calendar?year=2027").body()).contains("洪涝灾害");
	}

}

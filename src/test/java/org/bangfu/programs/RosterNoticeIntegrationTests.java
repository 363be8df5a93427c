package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plan 6's condolence money asks for a public notice of its rosters: once submitted, the roster is
 * published for 7 days with names masked (欧阳小明 → 欧**明, 张三 → 张*), village and amount, and
 * the public reads it without logging in, linked from the notice board; no ID number or account
 * appears. A program that does not ask (plan 2's gifts) is refused, and a roster is published once.
 */
@IntegrationTest
@Import({ Fixtures.class, RosterWorld.class })
class RosterNoticeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	Rosters rosters;

	@Autowired
	RosterNotices notices;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSubmittedRosterIsPublishedWithMaskedNamesForThePublic() throws Exception {
		RosterWorld.World w = world.world("名册公示");
		LocalDate today = clock.today();
		int y = today.getYear();
		HouseholdView ouyang = world.file(w, List.of(Category.HARDSHIP_WORKER), true,
				RosterWorld.member("欧阳小明", today.minusYears(45), Relation.HEAD, Employment.UNABLE, "0", Health.HEALTHY, null));
		world.file(w, List.of(Category.HARDSHIP_WORKER), true,
				RosterWorld.member("张三", today.minusYears(50), Relation.HEAD, Employment.UNABLE, "0", Health.HEALTHY, null));
		String key = "N" + w.place().organisation().id();
		CycleView c = world.run(w, "plan6-condolence", key, LocalDate.of(y, 1, 1), LocalDate.of(y, 2, 1));
		assertThat(c.lineCount()).isEqualTo(2);

		assertRefused(() -> as(w, () -> notices.publish(w.scope(), c.id(), null, null)), "handover.notice.notReady");
		CycleView submitted = as(w, () -> rosters.submit(w.scope(), c.id(), c.version()));
		assertRefused(() -> as(w, () -> notices.publish(w.scope(), c.id(), 0, false)), "handover.notice.days.range");
		RosterNoticeView n = as(w, () -> notices.publish(w.scope(), c.id(), null, null));
		assertThat(n.startsOn()).isEqualTo(today);
		assertThat(n.endsOn()).isEqualTo(today.plusDays(6));
		assertThat(n.rows()).extracting(RosterNoticeView.Row::name).containsExactlyInAnyOrder("欧**明", "张*");
		assertThat(n.rows()).extracting(RosterNoticeView.Row::amountText).containsOnly("¥500.00");
		assertThat(n.rows()).extracting(RosterNoticeView.Row::village).doesNotContainNull();
		assertThat(n.totalText()).isEqualTo("¥1,000.00");
		assertRefused(() -> as(w, () -> notices.publish(w.scope(), c.id(), null, null)), "handover.notice.already");
		assertThat(submitted.status()).isEqualTo(CycleStatus.SUBMITTED);

		// a program that does not ask for a notice
		CycleView gifts = world.run(w, "plan2-double-ninth", key, LocalDate.of(y, 10, 1), LocalDate.of(y, 10, 31));
		assertRefused(() -> as(w, () -> notices.publish(w.scope(), gifts.id(), null, null)), "handover.notice.notAsked");

		// the public: the board links the roster notices; the notice shows masked names only
		Http anyone = Http.browser(port);
		assertThat(anyone.get("/public/notices").body()).contains("/public/roster-notices");
		assertThat(anyone.get("/public/roster-notices").body()).contains(n.title());
		HttpResponse<String> page = anyone.get("/public/roster-notices/" + n.id());
		assertThat(page.statusCode()).isEqualTo(200);
		String idNumber = jdbc.sql("SELECT id_number_masked FROM programs_roster_line WHERE household_id = ?").param(ouyang.id())
			.query(String.class).single();
		assertThat(idNumber).isNotBlank();
		assertThat(page.body()).contains("欧**明", "张*", "¥500.00").doesNotContain("欧阳小明", RosterWorld.ACCOUNT, idNumber);
		assertThat(anyone.get("/public/roster-notices/" + (n.id() + 100000)).statusCode()).isEqualTo(404);

		// the notice as a PDF for the village board: the masked names and the total, nothing more
		HttpResponse<byte[]> pdf = anyone.getBytes("/public/roster-notices/" + n.id() + "/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(HandoverIntegrationTests.text(pdf.body())).contains("欧**明", "张*", "¥1,000.00").doesNotContain("欧阳小明", idNumber);

		// an objection from the public page: the row and the text are needed; a filled-in hidden field is dropped
		String path = "/public/roster-notices/" + n.id();
		int row = n.rows().stream().filter(r -> r.name().equals("张*")).findFirst().orElseThrow().rowNo();
		assertThat(page.body()).contains("id=\"objection-form\"", "id=\"website\"");
		anyone.form(path + "/objections", Map.of("rowNo", String.valueOf(row), "text", " "));
		assertThat(anyone.get(path).body()).contains("请填写异议内容");
		anyone.form(path + "/objections", Map.of("rowNo", String.valueOf(row), "text", "机器人", "website", "http://spam"));
		HttpResponse<String> sent = anyone.form(path + "/objections",
				Map.of("rowNo", String.valueOf(row), "name", "李四", "contact", "13800000000", "text", "此户已有稳定收入"));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(anyone.get(path).body()).contains("已收到您的异议");
		// too many from one address: 429 and nothing stored
		int status = 0;
		for (int i = 0; i < 8 && status != 429; i++) {
			status = anyone.form(path + "/objections", Map.of("rowNo", String.valueOf(row), "text", "再次")).statusCode();
		}
		assertThat(status).isEqualTo(429);
		assertThat(jdbc.sql("SELECT text FROM programs_notice_objection WHERE notice_id = ? ORDER BY id").param(n.id())
			.query(String.class).list()).first().isEqualTo("此户已有稳定收入");
		assertThat(jdbc.sql("SELECT count(*) FROM programs_notice_objection WHERE notice_id = ? AND text = '机器人'").param(n.id())
			.query(Long.class).single()).isZero();

		// the cycle page links the published notice and lists the objection
		Http finance = Http.loggedIn(port, w.finance().login(), Fixtures.PASSWORD);
		assertThat(finance.get("/programs/cycles/" + c.id()).body()).contains("/public/roster-notices/" + n.id())
			.contains("此户已有稳定收入", "李四", row + " 张*");
		// the flag is part of the program's content: checked on the shipped program's form, off on a new one
		assertThat(finance.get("/programs/" + c.programId() + "/edit").body()).containsPattern("id=\"publicNotice\"[^>]*checked");
		assertThat(finance.get("/programs/new").body()).contains("id=\"publicNotice\"").doesNotContainPattern("id=\"publicNotice\"[^>]*checked");
	}

	private static <T> T as(RosterWorld.World w, java.util.function.Supplier<T> work) {
		return RosterWorld.as(w.finance(), work);
	}

	private static void assertRefused(Runnable r, String key) {
		assertThatThrownBy(r::run).isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.messageKey()).isEqualTo(key));
	}

}

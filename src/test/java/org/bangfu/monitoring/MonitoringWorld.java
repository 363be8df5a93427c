package org.bangfu.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import org.bangfu.identification.Places;
import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.Standards;
import org.bangfu.identity.BangfuUser;
import org.bangfu.monitoring.internal.FlaggingRun;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsCommands.RecordSuddenCost;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A county with the poverty line of the plans (3,700 a year, so the monitoring line is 5,550 a
 * year, 462.50 a month), its users, and one-person households with their income month by month.
 */
@Component
public class MonitoringWorld {

	final Places places;

	final Fixtures fixtures;

	final HouseholdRegistry registry;

	final HouseholdEconomics economics;

	final Standards standards;

	final FlaggingRun run;

	final Jobs jobs;

	final JdbcClient jdbc;

	final BusinessClock clock;

	MonitoringWorld(Places places, Fixtures fixtures, HouseholdRegistry registry, HouseholdEconomics economics,
			Standards standards, FlaggingRun run, Jobs jobs, JdbcClient jdbc, BusinessClock clock) {
		this.places = places;
		this.fixtures = fixtures;
		this.registry = registry;
		this.economics = economics;
		this.standards = standards;
		this.run = run;
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A place with a caseworker and a reviewer. */
	public record World(Places.Place place, Actor caseworker, Actor reviewer) {

		public org.bangfu.shared.Scope scope() {
			return place.scope();
		}

	}

	public World world(String name) {
		Places.Place place = places.county(name);
		standards.add(place.scope(), new AddStandard("poverty_line", place.county(), new BigDecimal("3700"), null,
				LocalDate.of(2020, 1, 1), null, null));
		return new World(place, actor(place, Role.CASEWORKER), actor(place, Role.REVIEWER));
	}

	public Actor actor(Places.Place place, Role role) {
		String login = fixtures.user(place.organisation().id(), role);
		return new BangfuUser(fixtures.userId(login), login, "测试用户" + login, place.organisation().id(),
				place.organisation().path(), place.organisation().name(), EnumSet.of(role), "", true, null);
	}

	public LocalDate today() {
		return clock.today();
	}

	/**
	 * A one-person household in the region whose income in month m1 (this month), m2 … is the
	 * amount given at that position (months not given have none).
	 */
	public long household(World w, String region, String... months) {
		HouseholdData data = new HouseholdData(Households.fileNo(), region, "测试地址", null, HardshipCause.UNEMPLOYMENT, List.of(),
				List.of(Category.HARDSHIP_WORKER), HousingType.OWN, null, null, 0, BigDecimal.ZERO, null, null, null, null);
		HouseholdView h = registry.file(w.scope(), new FileHousehold(null, data, Places.member("户主" + System.nanoTime() % 1000,
				today().minusYears(45), true, Relation.HEAD, Employment.EMPLOYED, months.length > 0 ? months[0] : "0",
				Health.HEALTHY, null)));
		long head = registry.find(w.scope(), h.id()).orElseThrow().head().orElseThrow().id();
		for (int i = 1; i < months.length; i++) {
			LocalDate month = today().minusMonths(i);
			economics.recordIncome(w.scope(), h.id(), new RecordIncome(head, IncomeKind.WAGE, Period.MONTH, month.getYear(),
					month.getMonthValue(), new BigDecimal(months[i]), null, null));
		}
		return h.id();
	}

	/** Twelve months of the same income. */
	public long household(World w, String region, String monthly) {
		String[] months = new String[12];
		java.util.Arrays.fill(months, monthly);
		return household(w, region, months);
	}

	public void suddenCost(World w, long household, String net) {
		economics.recordSuddenCost(w.scope(), household, new RecordSuddenCost(SuddenCostKind.ACCIDENT, today(),
				new BigDecimal(net), BigDecimal.ZERO, null));
	}

	/** Marks a file exited (as an approved exit case would), around the register's façade. */
	public void exited(long household) {
		jdbc.sql("UPDATE registry_household SET status = 'EXITED', exit_date = ? WHERE id = ?").params(today().minusMonths(3),
				household).update();
	}

	/** A flagging run over the world's scope as of today. */
	public FlaggingRun.Result run(World w) {
		return as(w.caseworker(), () -> run.run(w.scope(), today(), w.caseworker().login()));
	}

	public JobView waitFor(long job) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			JobView v = jobs.find(job).orElseThrow();
			if (v.finished()) {
				if (!"DONE".equals(v.status())) {
					throw new AssertionError("job failed: " + v.error());
				}
				return v;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job did not finish");
	}

	/** Runs the work as the actor (the security context of the current thread). */
	public static <T> T as(Actor actor, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, List.of()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	public static void asDo(Actor actor, Runnable work) {
		as(actor, () -> {
			work.run();
			return null;
		});
	}

}

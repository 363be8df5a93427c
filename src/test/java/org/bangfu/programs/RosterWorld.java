package org.bangfu.programs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import org.bangfu.identification.Places;
import org.bangfu.identity.BangfuUser;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.registry.economics.EconomicsCommands.RecordSpending;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A county of its own (identification's {@link Places}) with a finance officer and two
 * approvers, households filed through the register, and cycles run to their roster through the
 * job, as a user would.
 */
@Component
public class RosterWorld {

	public static final String ACCOUNT = "6222020200112233445";

	final Places places;

	final Fixtures fixtures;

	final HouseholdRegistry registry;

	final HouseholdEconomics economics;

	final Rosters rosters;

	final Programs programs;

	final Jobs jobs;

	RosterWorld(Places places, Fixtures fixtures, HouseholdRegistry registry, HouseholdEconomics economics, Rosters rosters,
			Programs programs, Jobs jobs) {
		this.places = places;
		this.fixtures = fixtures;
		this.registry = registry;
		this.economics = economics;
		this.rosters = rosters;
		this.programs = programs;
		this.jobs = jobs;
	}

	/** A place with its users: a finance officer (prepares), two approvers. */
	public record World(Places.Place place, Scope scope, String region, Actor finance, Actor approver, Actor approver2) {
	}

	public World world(String name) {
		Places.Place place = places.county(name);
		return new World(place, place.scope(), place.township(), actor(place, Role.FINANCE_OFFICER),
				actor(place, Role.APPROVER), actor(place, Role.APPROVER));
	}

	private Actor actor(Places.Place place, Role role) {
		String login = fixtures.user(place.organisation().id(), role);
		return new BangfuUser(fixtures.userId(login), login, "测试用户" + login, place.organisation().id(),
				place.organisation().path(), place.organisation().name(), EnumSet.of(role), "", true, null);
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

	public static MemberData member(String name, LocalDate birth, Relation relation, Employment employment, String wage,
			Health health, Schooling schooling) {
		return new MemberData(name, Households.idNumber(birth, relation == Relation.SPOUSE || relation == Relation.DAUGHTER ? false : true),
				relation, "汉族", null, "城镇", employment, null, null, new BigDecimal(wage), null, null, null, null, health, null, null,
				null, schooling, null, null, List.of());
	}

	/** Files a household with the head and categories; with the head's bank account when account is true. */
	public HouseholdView file(World w, List<Category> categories, boolean account, MemberData head, MemberData... others) {
		HouseholdData data = new HouseholdData(Households.fileNo(), w.region(), "测试地址", null, HardshipCause.UNEMPLOYMENT, List.of(),
				categories, HousingType.OWN, null, null, 0, BigDecimal.ZERO, null, account ? "中国工商银行" : null,
				account ? ACCOUNT : null, null);
		HouseholdView h = registry.file(w.scope(), new FileHousehold(null, data, head));
		for (MemberData m : others) {
			registry.addMember(w.scope(), h.id(), new AddMember(m));
		}
		return registry.find(w.scope(), h.id()).orElseThrow();
	}

	public void medical(World w, long household, String amount, int year) {
		economics.recordSpending(w.scope(), household, new RecordSpending(SpendingKind.MEDICAL, year, new BigDecimal(amount), null, null));
	}

	/** Opens a cycle of the program in force and runs its roster's job to the end, as the finance officer. */
	public CycleView run(World w, String code, String periodKey, LocalDate from, LocalDate to) throws InterruptedException {
		ProgramView p = programs.active(code).orElseThrow();
		CycleView c = as(w.finance(), () -> rosters.open(w.scope(), new NewCycle(p.id(), code + " " + periodKey, periodKey, from, to, to)));
		long job = as(w.finance(), () -> rosters.generate(w.scope(), c.id()));
		waitFor(job);
		return rosters.cycle(w.scope(), c.id());
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

	public List<RosterLineView> lines(World w, long cycleId) {
		return rosters.lines(w.scope(), cycleId, "ALL", 0, 500);
	}

}

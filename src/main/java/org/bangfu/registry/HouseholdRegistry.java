package org.bangfu.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.Organisations;
import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdCommands.CorrectStatus;
import org.bangfu.registry.HouseholdCommands.ExitHousehold;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.MoveMember;
import org.bangfu.registry.HouseholdCommands.RemoveMember;
import org.bangfu.registry.HouseholdCommands.ReopenHousehold;
import org.bangfu.registry.HouseholdCommands.UpdateHousehold;
import org.bangfu.registry.HouseholdCommands.UpdateMember;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.registry.internal.ChangeLog;
import org.bangfu.registry.internal.HouseholdJournal;
import org.bangfu.registry.internal.HouseholdSearch;
import org.bangfu.registry.internal.HouseholdStore;
import org.bangfu.registry.internal.MemberChanges;
import org.bangfu.registry.internal.MemberStore;
import org.bangfu.registry.internal.PersonClaims;
import org.bangfu.registry.internal.RegistryPolicy;
import org.bangfu.registry.internal.StatusPolicy;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household register (M1). Every method takes the caller's {@link Scope}: a household
 * outside it does not exist for the caller. Every change is audited, kept as a snapshot in
 * the household's history and announced as an event; every detail view is audited.
 */
@Service
public class HouseholdRegistry {

	private final HouseholdStore households;

	private final MemberStore members;

	private final MemberChanges memberChanges;

	private final PersonClaims claims;

	private final HouseholdSearch search;

	private final ChangeLog changes;

	private final HouseholdJournal journal;

	private final Organisations organisations;

	private final Regions regions;

	private final AuditLog audit;

	private final BusinessClock clock;

	HouseholdRegistry(HouseholdStore households, MemberStore members, MemberChanges memberChanges, PersonClaims claims,
			HouseholdSearch search, ChangeLog changes, HouseholdJournal journal, Organisations organisations,
			Regions regions, AuditLog audit, BusinessClock clock) {
		this.households = households;
		this.members = members;
		this.memberChanges = memberChanges;
		this.claims = claims;
		this.search = search;
		this.changes = changes;
		this.journal = journal;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/** Files a new household with its head, or saves it as a draft (then its head is not yet locked to it). */
	@Transactional
	public HouseholdView file(Scope scope, FileHousehold cmd) {
		long organisationId = cmd.organisationId() == null ? scope.organisationId() : cmd.organisationId();
		organisations.require(scope, organisationId);
		RegistryPolicy.household(cmd.household());
		RegistryPolicy.headOfNewFile(cmd.head());
		RegistryPolicy.member(cmd.head(), clock.today());
		String region = region(cmd.household().regionCode());
		long id = households.insert(organisationId, region, cmd.household(), cmd.asDraft(), HouseholdJournal.login());
		HouseholdView created = households.lock(scope, id);
		memberChanges.insert(scope, created, cmd.head());
		HouseholdView after = households.lock(scope, id);
		journal.record(null, after, cmd.asDraft() ? "draft" : "file",
				Map.of("head", after.head().map(MemberView::idNumberMasked).orElse("")));
		return after;
	}

	/**
	 * Files a draft: its members are locked to it now, or the filing fails naming the household
	 * that already holds one of them.
	 */
	@Transactional
	public HouseholdView fileDraft(Scope scope, long id) {
		HouseholdView before = households.lock(scope, id);
		StatusPolicy.mayFile(before);
		claims.claimAll(scope, id);
		households.markFiled(id, HouseholdJournal.login());
		HouseholdView after = households.lock(scope, id);
		journal.record(before, after, "file", Map.of("members", after.members().size()));
		return after;
	}

	/**
	 * Marks a filed household as out of hardship (已脱困) from the date. Its members stay locked
	 * to it (it is followed up and may be reopened). People reach this only through an approved
	 * exit case (the cases module's RegisterOutcome): the page and API refuse a direct exit.
	 */
	@Transactional
	public HouseholdView exit(Scope scope, long id, ExitHousehold cmd) {
		HouseholdView before = households.lock(scope, id);
		StatusPolicy.mayExit(before, cmd.exitDate(), clock.today());
		households.markExited(id, cmd.exitDate(), cmd.note(), HouseholdJournal.login());
		HouseholdView after = households.lock(scope, id);
		journal.record(before, after, "exit", Map.of("exitDate", cmd.exitDate().toString(),
				"note", cmd.note() == null ? "" : cmd.note()));
		return after;
	}

	@Transactional
	public HouseholdView update(Scope scope, long id, UpdateHousehold cmd) {
		HouseholdView before = households.lock(scope, id);
		RegistryPolicy.open(before);
		RegistryPolicy.household(cmd.household());
		households.update(before, region(cmd.household().regionCode()), cmd.household(), cmd.version(),
				HouseholdJournal.login());
		HouseholdView after = households.lock(scope, id);
		journal.record(before, after, "update", Map.of());
		return after;
	}

	@Transactional
	public HouseholdView close(Scope scope, long id, CloseHousehold cmd) {
		HouseholdView before = households.lock(scope, id);
		StatusPolicy.mayClose(before);
		households.setStatus(id, HouseholdStatus.CLOSED, cmd.reason(), cmd.note(), HouseholdJournal.login());
		claims.releaseAll(id);
		HouseholdView after = households.lock(scope, id);
		journal.record(before, after, "close", Map.of("reason", cmd.reason().name()));
		return after;
	}

	/**
	 * Reopens a closed or exited file (back to FILED). A closed file claims its members again and
	 * fails naming the household that now holds one of them; an exited one still holds them.
	 */
	@Transactional
	public HouseholdView reopen(Scope scope, long id, ReopenHousehold cmd) {
		HouseholdView before = households.lock(scope, id);
		StatusPolicy.mayReopen(before);
		if (before.closed()) {
			claims.claimAll(scope, id);
		}
		households.setStatus(id, HouseholdStatus.FILED, null, cmd == null ? null : cmd.note(), HouseholdJournal.login());
		HouseholdView after = households.lock(scope, id);
		journal.record(before, after, "reopen", Map.of());
		return after;
	}

	/**
	 * Applies an administrator's status correction that a second administrator approved (see the
	 * exits module's StatusCorrections, the only caller): the file gets the target status, claiming
	 * its members again when it comes back from closed and releasing them when it is closed.
	 * Audited as household.correctStatus with the correction's number and reason.
	 */
	@Transactional
	public HouseholdView correctStatus(Scope scope, long id, CorrectStatus cmd) {
		HouseholdView before = households.lock(scope, id);
		StatusPolicy.mayCorrect(before, cmd, clock.today());
		if (before.closed()) {
			claims.claimAll(scope, id);
		}
		switch (cmd.target()) {
			case FILED -> households.setStatus(id, HouseholdStatus.FILED, null, cmd.reason(), HouseholdJournal.login());
			case EXITED -> households.markExited(id, cmd.exitDate(), cmd.reason(), HouseholdJournal.login());
			case CLOSED -> {
				households.setStatus(id, HouseholdStatus.CLOSED, Vocabulary.CloseReason.OTHER, cmd.reason(), HouseholdJournal.login());
				claims.releaseAll(id);
			}
			case DRAFT -> throw new IllegalStateException();
		}
		HouseholdView after = households.lock(scope, id);
		journal.record(before, after, "correctStatus", Map.of("correction", cmd.correctionId(), "reason", cmd.reason(),
				"from", before.status().name(), "to", after.status().name()));
		return after;
	}

	@Transactional
	public MemberView addMember(Scope scope, long householdId, AddMember cmd) {
		return memberChanges.add(scope, householdId, cmd);
	}

	@Transactional
	public MemberView updateMember(Scope scope, long householdId, long memberId, UpdateMember cmd) {
		return memberChanges.update(scope, householdId, memberId, cmd);
	}

	@Transactional
	public void removeMember(Scope scope, long householdId, long memberId, RemoveMember cmd) {
		memberChanges.remove(scope, householdId, memberId, cmd);
	}

	@Transactional
	public MemberView moveMember(Scope scope, long fromHouseholdId, long memberId, MoveMember cmd) {
		return memberChanges.move(scope, fromHouseholdId, memberId, cmd);
	}

	/** The file without auditing (for system use and checks); see {@link #view} for people looking at it. */
	@Transactional(readOnly = true)
	public Optional<HouseholdView> find(Scope scope, long id) {
		return households.find(scope, id);
	}

	/** A person looks at a file: audited as a view of personal data. */
	@Transactional
	public HouseholdView view(Scope scope, long id) {
		HouseholdView household = households.find(scope, id)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", id));
		audit.record("household.view", "household", id, Map.of("fileNo", household.fileNo()));
		return household;
	}

	/** The file as it stood at the end of the date (Asia/Shanghai); audited as a view. */
	@Transactional
	public HouseholdView asOf(Scope scope, long id, LocalDate date) {
		return changeAsOf(scope, id, date).after();
	}

	/** The history entry in force at the end of the date (Asia/Shanghai); audited as a view. */
	@Transactional
	public HouseholdChange changeAsOf(Scope scope, long id, LocalDate date) {
		HouseholdView now = households.find(scope, id)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", id));
		HouseholdChange then = changes.asOf(id, date.plusDays(1).atStartOfDay(BusinessClock.zone()).toInstant())
			.orElseThrow(() -> BangfuException.notFound("registry.household.notYetFiled", now.fileNo(), date));
		audit.record("household.view", "household", id, Map.of("fileNo", now.fileNo(), "asOf", date.toString()));
		return then;
	}

	/** A person reads the whole history (every snapshot in full): audited as a view of personal data. */
	@Transactional
	public List<HouseholdChange> viewHistory(Scope scope, long id) {
		List<HouseholdChange> history = history(scope, id);
		audit.record("household.view", "household", id, Map.of("history", history.size()));
		return history;
	}

	/** The history without auditing (for system use); see {@link #viewHistory} for people reading it. */
	@Transactional(readOnly = true)
	public List<HouseholdChange> history(Scope scope, long id) {
		households.find(scope, id).orElseThrow(() -> BangfuException.notFound("registry.household.notFound", id));
		return changes.history(id);
	}

	@Transactional(readOnly = true)
	public HouseholdPage search(Scope scope, HouseholdQuery query) {
		return search.search(scope, query);
	}

	/** The full ID number of a member, for ADMIN, CASEWORKER, REVIEWER, APPROVER only; audited every time. */
	@Transactional
	public String revealIdNumber(Scope scope, Set<Role> roles, long householdId, long memberId) {
		RegistryPolicy.mayReveal(roles);
		String full = members.revealIdNumber(scope, householdId, memberId)
			.orElseThrow(() -> BangfuException.notFound("registry.member.notFound", memberId));
		audit.record("household.revealIdNumber", "household", householdId, Map.of("memberId", memberId));
		return full;
	}

	/**
	 * Full ID numbers of payees for a bank payment file (ADMIN and FINANCE_OFFICER only): the heads
	 * of the given households by household id, and the given members by member id, within the
	 * scope; audited once for the file with the purpose (e.g. the roster cycle) and the count.
	 */
	@Transactional
	public PayeeIdNumbers idNumbersForPayment(Scope scope, Set<Role> roles, Collection<Long> headsOfHouseholds,
			Collection<Long> memberIds, String purpose) {
		if (roles.stream().noneMatch(r -> r == Role.ADMIN || r == Role.FINANCE_OFFICER)) {
			throw BangfuException.forbidden();
		}
		PayeeIdNumbers found = new PayeeIdNumbers(members.idNumbersForPayment(scope, headsOfHouseholds, true),
				members.idNumbersForPayment(scope, memberIds, false));
		audit.record("household.idNumbersForPayment", "payment", purpose,
				Map.of("heads", found.byHousehold().size(), "members", found.byMember().size()));
		return found;
	}

	/** Full ID numbers for payment: heads by household id, members by member id. */
	public record PayeeIdNumbers(Map<Long, String> byHousehold, Map<Long, String> byMember) {
	}

	/** Whether a role set may reveal full ID numbers (for showing the button). */
	public static boolean mayReveal(Set<Role> roles) {
		return roles.stream().anyMatch(RegistryPolicy.MAY_REVEAL::contains);
	}

	public LocalDate today() {
		return clock.today();
	}

	private String region(String code) {
		RegionView region = regions.require(code);
		RegistryPolicy.regionLevel(region.level(), code);
		return region.code();
	}

}

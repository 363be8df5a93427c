package org.bangfu.registry.internal;

import java.util.Map;

import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdCommands.MoveMember;
import org.bangfu.registry.HouseholdCommands.RemoveMember;
import org.bangfu.registry.HouseholdCommands.UpdateMember;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.economics.EconomicsVocabulary.Source;
import org.bangfu.registry.economics.EconomicsWrites;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;

/** Member commands: add, edit, remove and move. Callers run them in a transaction. */
@Component
public class MemberChanges {

	private final HouseholdStore households;

	private final MemberStore members;

	private final PersonClaims claims;

	private final HouseholdJournal journal;

	private final BusinessClock clock;

	private final EconomicsWrites economics;

	MemberChanges(HouseholdStore households, MemberStore members, PersonClaims claims, HouseholdJournal journal,
			BusinessClock clock, EconomicsWrites economics) {
		this.economics = economics;
		this.households = households;
		this.members = members;
		this.claims = claims;
		this.journal = journal;
		this.clock = clock;
	}

	/**
	 * Inserts a member of a locked household (no journal entry) and, unless the household is a
	 * draft, claims the person; a person twice in one household is refused either way.
	 */
	public long insert(Scope scope, HouseholdView household, MemberData data) {
		IdNumber id = RegistryPolicy.member(data, clock.today());
		long memberId = members.insert(household.id(), data, id);
		String hash = members.hashOf(memberId);
		onlyOnce(household, hash, id);
		if (StatusPolicy.claimsPersons(household.status())) {
			claims.claim(scope, hash, memberId, household.id(), id.masked());
		}
		mirrorDeclared(household.id());
		return memberId;
	}

	/** The members' current monthly figures as monthly items of this month (see {@link EconomicsWrites#mirrorDeclared}). */
	private void mirrorDeclared(long householdId) {
		economics.mirrorDeclared(java.util.List.of(householdId), clock.today().withDayOfMonth(1), Source.FORM,
				HouseholdJournal.login(), clock.now());
	}

	private void onlyOnce(HouseholdView household, String hash, IdNumber id) {
		if (members.activeWithHash(household.id(), hash) > 1) {
			throw BangfuException.badField("idNumber", "registry.member.twiceInHousehold", id.masked(),
					household.fileNo());
		}
	}

	public MemberView add(Scope scope, long householdId, AddMember cmd) {
		HouseholdView before = households.lock(scope, householdId);
		RegistryPolicy.open(before);
		RegistryPolicy.oneHead(before, cmd.member().relation(), null);
		long memberId = insert(scope, before, cmd.member());
		return finish(scope, before, "member.add", memberId);
	}

	public MemberView update(Scope scope, long householdId, long memberId, UpdateMember cmd) {
		HouseholdView before = households.lock(scope, householdId);
		RegistryPolicy.open(before);
		MemberView current = requireMember(before, memberId);
		MemberData data = cmd.member();
		if (data.idNumber() == null || data.idNumber().isBlank()) {
			data = data.withIdNumber(members.storedIdNumber(memberId));
		}
		IdNumber id = RegistryPolicy.member(data, clock.today());
		if (current.head() && data.relation() != Relation.HEAD) {
			throw BangfuException.badField("relation", "registry.head.required");
		}
		if (!current.head() && data.relation() == Relation.HEAD) {
			before.head().ifPresent(h -> members.setRelation(h.id(), Relation.OTHER));
		}
		String oldHash = members.hashOf(memberId);
		members.update(memberId, data, id);
		mirrorDeclared(householdId);
		String newHash = members.hashOf(memberId);
		if (!oldHash.equals(newHash)) {
			onlyOnce(before, newHash, id);
			claims.release(memberId);
			if (StatusPolicy.claimsPersons(before.status())) {
				claims.claim(scope, newHash, memberId, householdId, id.masked());
			}
		}
		return finish(scope, before, "member.update", memberId);
	}

	public void remove(Scope scope, long householdId, long memberId, RemoveMember cmd) {
		HouseholdView before = households.lock(scope, householdId);
		RegistryPolicy.open(before);
		MemberView member = requireMember(before, memberId);
		RegistryPolicy.headStays(before, memberId);
		members.deactivate(memberId);
		claims.release(memberId);
		households.touch(householdId, HouseholdJournal.login());
		HouseholdView after = households.lock(scope, householdId);
		journal.record(before, after, "member.remove", Map.of("memberId", memberId, "name", member.name(),
				"note", cmd == null || cmd.note() == null ? "" : cmd.note()));
	}

	/** Ends the membership in the first household and starts one in the second; both histories keep it. */
	public MemberView move(Scope scope, long fromHouseholdId, long memberId, MoveMember cmd) {
		if (cmd.toHouseholdId() == fromHouseholdId) {
			throw BangfuException.badField("toHouseholdId", "registry.move.sameHousehold");
		}
		// lock in id order so two opposite moves cannot deadlock
		boolean fromFirst = fromHouseholdId < cmd.toHouseholdId();
		HouseholdView a = households.lock(scope, fromFirst ? fromHouseholdId : cmd.toHouseholdId());
		HouseholdView b = households.lock(scope, fromFirst ? cmd.toHouseholdId() : fromHouseholdId);
		HouseholdView from = fromFirst ? a : b;
		HouseholdView to = fromFirst ? b : a;
		RegistryPolicy.open(from);
		RegistryPolicy.open(to);
		MemberView member = requireMember(from, memberId);
		RegistryPolicy.headStays(from, memberId);
		RegistryPolicy.oneHead(to, cmd.relation(), null);
		members.deactivate(memberId);
		claims.release(memberId);
		long newId = members.copyInto(memberId, to.id(), cmd.relation());
		String hash = members.hashOf(newId);
		if (members.activeWithHash(to.id(), hash) > 1) {
			throw BangfuException.badField("idNumber", "registry.member.twiceInHousehold", member.idNumberMasked(),
					to.fileNo());
		}
		if (StatusPolicy.claimsPersons(to.status())) {
			claims.claim(scope, hash, newId, to.id(), member.idNumberMasked());
		}
		String login = HouseholdJournal.login();
		households.touch(from.id(), login);
		HouseholdView fromAfter = households.lock(scope, from.id());
		journal.record(from, fromAfter, "member.moveOut",
				Map.of("memberId", memberId, "name", member.name(), "toHousehold", to.id(), "toFileNo", to.fileNo()));
		return finish(scope, to, "member.moveIn", newId, Map.of("fromHousehold", from.id(), "fromFileNo", from.fileNo()));
	}

	private MemberView finish(Scope scope, HouseholdView before, String kind, long memberId) {
		return finish(scope, before, kind, memberId, Map.of());
	}

	private MemberView finish(Scope scope, HouseholdView before, String kind, long memberId, Map<String, ?> extra) {
		households.touch(before.id(), HouseholdJournal.login());
		HouseholdView after = households.lock(scope, before.id());
		MemberView member = requireMember(after, memberId);
		Map<String, Object> detail = new java.util.LinkedHashMap<>(extra);
		detail.put("memberId", memberId);
		detail.put("name", member.name());
		detail.put("idNumber", member.idNumberMasked());
		journal.record(before, after, kind, detail);
		return member;
	}

	private static MemberView requireMember(HouseholdView household, long memberId) {
		return household.member(memberId)
			.orElseThrow(() -> BangfuException.notFound("registry.member.notFound", memberId));
	}

}

package org.bangfu.registry.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;

/** The register's rules as small pure functions; each failure names its field and message key. */
public final class RegistryPolicy {

	/** Who may see a full ID number (each time audited). */
	public static final Set<Role> MAY_REVEAL = EnumSet.of(Role.ADMIN, Role.CASEWORKER, Role.REVIEWER, Role.APPROVER);

	/** Who may change the register. */
	public static final Set<Role> MAY_WRITE = EnumSet.of(Role.ADMIN, Role.CASEWORKER, Role.REVIEWER, Role.APPROVER);

	private RegistryPolicy() {
	}

	/** A household sits in a township (level 4) or village (level 5). */
	public static void regionLevel(int level, String code) {
		if (level < 4) {
			throw BangfuException.badField("regionCode", "registry.region.tooCoarse", code);
		}
	}

	public static void household(HouseholdData d) {
		if (d.secondaryCauses() != null && d.secondaryCauses().size() > 3) {
			throw BangfuException.badField("secondaryCauses", "registry.secondaryCauses.size");
		}
		if (d.mainCause() != null && d.secondaryCauses() != null && d.secondaryCauses().contains(d.mainCause())) {
			throw BangfuException.badField("secondaryCauses", "registry.secondaryCauses.repeatsMain");
		}
	}

	/** Validates a member's facts and returns the parsed ID number. */
	public static IdNumber member(MemberData d, LocalDate today) {
		if (d.idNumber() == null || d.idNumber().isBlank()) {
			throw BangfuException.badField("idNumber", "registry.idNumber.required");
		}
		IdNumber id = IdNumber.parse("idNumber", d.idNumber(), today);
		if (d.disabilityGrade() != null && d.health() != Health.DISABLED) {
			throw BangfuException.badField("disabilityGrade", "registry.disabilityGrade.onlyDisabled");
		}
		return id;
	}

	public static void headOfNewFile(MemberData head) {
		if (head.relation() != Relation.HEAD) {
			throw BangfuException.badField("relation", "registry.head.mustBeHead");
		}
	}

	/** Adding a HEAD when the household has one is refused (change the head through the member's edit). */
	public static void oneHead(HouseholdView household, Relation relation, Long exceptMemberId) {
		if (relation == Relation.HEAD && household.head().filter(h -> !Long.valueOf(h.id()).equals(exceptMemberId)).isPresent()) {
			throw BangfuException.badField("relation", "registry.head.exists", household.headName());
		}
	}

	/** The head cannot leave (removed, moved, demoted) while the household has one: name another head first. */
	public static void headStays(HouseholdView household, long memberId) {
		if (household.head().filter(h -> h.id() == memberId).isPresent()) {
			throw BangfuException.badField("relation", "registry.head.required");
		}
	}

	public static void open(HouseholdView household) {
		if (household.closed()) {
			throw new BangfuException(Problem.CONFLICT, "registry.household.closed", household.fileNo());
		}
	}

	public static void mayWrite(Set<Role> roles) {
		if (roles.stream().noneMatch(MAY_WRITE::contains)) {
			throw BangfuException.forbidden();
		}
	}

	public static void mayReveal(Set<Role> roles) {
		if (roles.stream().noneMatch(MAY_REVEAL::contains)) {
			throw BangfuException.forbidden();
		}
	}

}

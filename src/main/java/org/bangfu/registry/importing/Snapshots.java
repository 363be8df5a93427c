package org.bangfu.registry.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HouseholdStatus;

/**
 * The views of newly imported households exactly as the register would read them back (the
 * columns the import writes, the database's defaults for the rest, amounts with two decimals,
 * members head first, then by birth date and id), so the first history entry needs no read.
 * {@code HouseholdImportIntegrationTests} checks them against the register.
 */
final class Snapshots {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private static final Comparator<MemberView> ORDER = Comparator.comparing((MemberView m) -> !m.head())
		.thenComparing(MemberView::birthDate)
		.thenComparingLong(MemberView::id);

	private Snapshots() {
	}

	static MemberView member(long id, Candidate.Member m) {
		MemberData d = m.data();
		return new MemberView(id, d.name(), m.id().masked(), m.id().birthDate(), m.id().sex(), d.relation(), null, null,
				null, d.employment(), d.employer(), d.phone(), money(d.wage()), ZERO, ZERO, ZERO, money(d.pension()),
				d.health() == null ? Health.HEALTHY : d.health(), null, null, d.disabilityGrade(), d.schooling(), null,
				null, d.categories() == null ? List.of() : List.copyOf(d.categories()));
	}

	static HouseholdView household(long id, ImportWriter.Target target, String organisationName, String regionName,
			HouseholdData h, Instant now, List<MemberView> members) {
		List<MemberView> ordered = members.stream().sorted(ORDER).toList();
		String account = h.bankAccount();
		return new HouseholdView(id, target.organisationId(), organisationName, h.regionCode(), regionName, h.fileNo(),
				null, HouseholdStatus.FILED, null, null, null, null, now, h.mainCause(),
				h.secondaryCauses() == null ? List.of() : List.copyOf(h.secondaryCauses()), List.of(), h.housingType(),
				null, nullableMoney(h.annualRent()), h.vehicles() == null ? 0 : h.vehicles(),
				nullableMoney(h.savings()), null, h.bankName(),
				account == null ? null : org.bangfu.shared.Masking.account(account), h.phone(), null, 0, now,
				target.login(), now, target.login(), ordered);
	}


	private static BigDecimal money(BigDecimal amount) {
		return amount == null ? ZERO : amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static BigDecimal nullableMoney(BigDecimal amount) {
		return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
	}

}

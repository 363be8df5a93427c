package org.bangfu.pairing;

import java.time.LocalDate;

import org.bangfu.pairing.PairingVocabulary.Frequency;

/**
 * When the next visit is due after a visit (or, for a household never visited, after its
 * pairing started or it was filed). MONTHLY and QUARTERLY are calendar periods: a visit
 * counts for its month (quarter) and the next one is due by the last day of the following
 * month (quarter) — 31 January and 1 January are both followed by 28/29 February. DAYS is
 * rolling: the basis plus N days. No policy means quarterly (plan 3: at least each quarter).
 */
public record VisitFrequency(Frequency frequency, Integer intervalDays) {

	public static final VisitFrequency DEFAULT = new VisitFrequency(Frequency.QUARTERLY, null);

	public VisitFrequency {
		if (frequency == Frequency.DAYS && (intervalDays == null || intervalDays < 1 || intervalDays > 366)) {
			throw org.bangfu.shared.BangfuException.badField("intervalDays", "visit.policy.days.range");
		}
		if (frequency != Frequency.DAYS) {
			intervalDays = null;
		}
	}

	public LocalDate nextDue(LocalDate basis) {
		return switch (frequency) {
			case MONTHLY -> basis.withDayOfMonth(1).plusMonths(2).minusDays(1);
			case QUARTERLY -> basis.withDayOfMonth(1).withMonth((basis.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(6).minusDays(1);
			case DAYS -> basis.plusDays(intervalDays);
		};
	}

}

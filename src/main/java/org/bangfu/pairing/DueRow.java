package org.bangfu.pairing;

import java.time.LocalDate;

import org.bangfu.pairing.PairingVocabulary.Frequency;

/** A household's next visit: when it is due under its policy, and how many days are left (negative: overdue). */
public record DueRow(long householdId, String fileNo, String headName, String organisationName, Long cadreId,
		String cadreName, LocalDate lastVisit, Frequency frequency, Integer intervalDays, LocalDate dueOn, long daysLeft) {

	public boolean overdue() {
		return daysLeft < 0;
	}

}

package org.bangfu.pairing;

import java.time.LocalDate;

import org.bangfu.pairing.PairingVocabulary.MeasureStatus;
import org.bangfu.pairing.PairingVocabulary.MeasureType;

/** An assistance measure (帮扶措施) with the state before and the target after (plan 5). */
public record MeasureView(long id, long householdId, Long visitId, MeasureType type, String beforeState,
		String targetAfter, String owner, LocalDate dueOn, MeasureStatus status, String result) {
}

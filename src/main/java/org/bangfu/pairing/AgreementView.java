package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.pairing.PairingVocabulary.ClauseStatus;
import org.bangfu.pairing.PairingVocabulary.SignedHow;

/** An assistance agreement (plan 1) with its clauses and how it was signed. */
public record AgreementView(long id, long householdId, String title, LocalDate periodFrom, LocalDate periodTo,
		SignedHow signedHow, String signedByHead, Instant signedAt, String signedRecordedBy, boolean hasSignedFile,
		List<Clause> clauses) {

	public boolean signed() {
		return signedHow != null;
	}

	public record Clause(long id, int position, String text, String owner, LocalDate dueOn, ClauseStatus status,
			LocalDate doneOn) {
	}

}

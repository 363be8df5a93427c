package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;

/** The head of household confirmed the ledger of a period (recorded by a cadre or caseworker). */
public record LedgerConfirmation(long id, LocalDate periodFrom, LocalDate periodTo, String headName, String note,
		Instant confirmedAt, String recordedBy) {
}

package org.bangfu.registry;

import java.time.LocalDate;

/** A household left hardship (已脱困) on the date; its file stays for follow-up. */
public record HouseholdExited(long householdId, LocalDate exitDate) {
}

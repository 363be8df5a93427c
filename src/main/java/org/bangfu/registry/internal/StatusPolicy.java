package org.bangfu.registry.internal;

import java.time.LocalDate;

import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;

/**
 * Which status changes a file allows, as pure functions (each failure with its message key):
 * <pre>
 *   (new) ──save as draft──▶ DRAFT ──file──▶ FILED ──exit──▶ EXITED
 *   (new) ──file──────────────────────────▶ FILED ◀──reopen── EXITED
 *   FILED, EXITED ──close (reason)──▶ CLOSED ──reopen──▶ FILED
 * </pre>
 * A draft is not yet on the register: it cannot be exited or closed (it is filed or kept
 * editing), and its members do not hold the one-person-one-household lock.
 */
public final class StatusPolicy {

	private StatusPolicy() {
	}

	/** Whether a file in this status holds its members in {@code registry_person}. */
	public static boolean claimsPersons(HouseholdStatus status) {
		return status == HouseholdStatus.FILED || status == HouseholdStatus.EXITED;
	}

	public static void mayFile(HouseholdView h) {
		if (h.status() != HouseholdStatus.DRAFT) {
			throw new BangfuException(Problem.CONFLICT, "registry.status.notDraft", h.fileNo());
		}
	}

	/** A filed file exits on a date that is neither in the future nor before its filing. */
	public static void mayExit(HouseholdView h, LocalDate exitDate, LocalDate today) {
		switch (h.status()) {
			case DRAFT -> throw new BangfuException(Problem.CONFLICT, "registry.status.exitDraft", h.fileNo());
			case EXITED -> throw new BangfuException(Problem.CONFLICT, "registry.status.alreadyExited", h.fileNo());
			case CLOSED -> throw new BangfuException(Problem.CONFLICT, "registry.household.closed", h.fileNo());
			case FILED -> {
			}
		}
		if (exitDate == null) {
			throw BangfuException.badField("exitDate", "registry.exitDate.required");
		}
		if (exitDate.isAfter(today)) {
			throw BangfuException.badField("exitDate", "registry.exitDate.future", exitDate);
		}
		LocalDate filed = h.filedAt() == null ? null : h.filedAt().atZone(BusinessClock.zone()).toLocalDate();
		if (filed != null && exitDate.isBefore(filed)) {
			throw BangfuException.badField("exitDate", "registry.exitDate.beforeFiling", exitDate, filed);
		}
	}

	public static void mayClose(HouseholdView h) {
		switch (h.status()) {
			case DRAFT -> throw new BangfuException(Problem.CONFLICT, "registry.status.closeDraft", h.fileNo());
			case CLOSED -> throw new BangfuException(Problem.CONFLICT, "registry.household.closed", h.fileNo());
			case FILED, EXITED -> {
			}
		}
	}

	/** Closed and exited files can be reopened (back to FILED); drafts and filed ones cannot. */
	public static void mayReopen(HouseholdView h) {
		if (h.status() != HouseholdStatus.CLOSED && h.status() != HouseholdStatus.EXITED) {
			throw new BangfuException(Problem.CONFLICT, "registry.household.notClosed", h.fileNo());
		}
	}

}

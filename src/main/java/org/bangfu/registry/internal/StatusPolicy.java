package org.bangfu.registry.internal;

import java.time.LocalDate;

import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdCommands.CorrectStatus;
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
 * No paper exits (issue 18): people change a status only through an approved case of the right
 * chain (filing a draft, exit, reopening) or through an administrator's audited correction with
 * four eyes; closing on death, transfer or retirement is the one short path, with its evidence.
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


	/** The direct paths (page and API) for filing a draft, exit and reopening: always refused, naming the case to open. */
	public static BangfuException throughCase(HouseholdView h, String caseType) {
		return new BangfuException(Problem.CONFLICT, "registry.status.throughCase." + caseType, h.fileNo());
	}

	/**
	 * The short path of closing by a person: death, transfer or retirement with its evidence (a
	 * document or reference such as a death certificate or transfer letter number). Any other
	 * reason is an administrator's status correction.
	 */
	public static void mayCloseDirectly(CloseHousehold cmd) {
		if (cmd.reason() == null) {
			throw BangfuException.badField("reason", "registry.closeReason.required");
		}
		if (cmd.reason() == org.bangfu.registry.Vocabulary.CloseReason.OTHER) {
			throw BangfuException.badField("reason", "registry.close.otherIsCorrection");
		}
		if (cmd.note() == null || cmd.note().isBlank()) {
			throw BangfuException.badField("note", "registry.close.evidenceRequired");
		}
	}

	/** A correction moves a file on the register to another status (never to or from a draft); EXITED needs a valid date. */
	public static void mayCorrect(HouseholdView h, CorrectStatus cmd, LocalDate today) {
		if (h.status() == HouseholdStatus.DRAFT || cmd.target() == HouseholdStatus.DRAFT) {
			throw new BangfuException(Problem.CONFLICT, "registry.status.correctDraft", h.fileNo());
		}
		if (h.status() == cmd.target()) {
			throw new BangfuException(Problem.CONFLICT, "registry.status.correctSame", h.fileNo());
		}
		if (cmd.reason() == null || cmd.reason().isBlank()) {
			throw BangfuException.badField("reason", "registry.correction.reasonRequired");
		}
		if (cmd.target() == HouseholdStatus.EXITED) {
			if (cmd.exitDate() == null) {
				throw BangfuException.badField("exitDate", "registry.exitDate.required");
			}
			if (cmd.exitDate().isAfter(today)) {
				throw BangfuException.badField("exitDate", "registry.exitDate.future", cmd.exitDate());
			}
		}
	}

}

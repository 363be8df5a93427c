package org.bangfu.programs;

import java.time.Instant;

/** A program version as read: its code, version, owner, status and content. */
public record ProgramView(long id, String code, int version, long organisationId, String organisationName, ProgramStatus status,
		boolean shipped, ProgramContent content, String createdBy, Instant createdAt, String activatedBy, Instant activatedAt) {

	public boolean draft() {
		return status == ProgramStatus.DRAFT;
	}

	public boolean active() {
		return status == ProgramStatus.ACTIVE;
	}

}

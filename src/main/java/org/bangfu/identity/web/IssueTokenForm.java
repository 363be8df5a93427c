package org.bangfu.identity.web;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bangfu.shared.BusinessClock;
import org.springframework.format.annotation.DateTimeFormat;

/** The issue-token form: for whom, what for, and the last day it may be used (optional). */
record IssueTokenForm(@NotNull(message = "{token.user.required}") Long userId,
		@NotBlank(message = "{token.name.required}") @Size(max = 100, message = "{token.name.required}") String name,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresAt) {

	/** A token valid "until 2027-03-31" works through that whole day in the business time zone. */
	Instant expiryInstant() {
		return expiresAt == null ? null : expiresAt.plusDays(1).atStartOfDay(BusinessClock.zone()).toInstant();
	}

}

package org.bangfu.programs;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reviewer's change to a line: the amount (yuan, within the rule's limits) and why; version as read. */
public record LineEdit(@NotNull(message = "{programs.line.amount.required}") BigDecimal amount,
		@NotBlank(message = "{programs.line.reason.required}") @Size(max = 500, message = "{programs.text.size}") String reason,
		@NotNull Integer version) {
}

package org.bangfu.programs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A line taken off the roster, with why; version as read. */
public record LineRemoval(@NotBlank(message = "{programs.line.reason.required}") @Size(max = 500, message = "{programs.text.size}") String reason,
		@NotNull Integer version) {
}

package org.bangfu.programs;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A cycle of a program: a label, the period key it pays (once per program), the period and the pay date. */
public record NewCycle(@NotNull(message = "{programs.cycle.program.required}") Long programId,
		@NotBlank(message = "{programs.cycle.label.required}") @Size(max = 100, message = "{programs.text.size}") String label,
		@NotBlank(message = "{programs.cycle.periodKey.required}") @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z_.-]{0,39}", message = "{programs.cycle.periodKey.pattern}") String periodKey,
		@NotNull(message = "{programs.cycle.from.required}") LocalDate from,
		@NotNull(message = "{programs.cycle.to.required}") LocalDate to,
		@NotNull(message = "{programs.cycle.payDate.required}") LocalDate payDate) {
}

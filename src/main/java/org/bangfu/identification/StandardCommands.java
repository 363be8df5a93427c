package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator or approver can ask of the standards. Every command is audited. */
public final class StandardCommands {

	private StandardCommands() {
	}

	/**
	 * A new figure. regionCode empty = the whole country; basis empty = the kind's basis;
	 * effectiveTo empty = until a newer figure starts.
	 */
	public record AddStandard(@NotBlank(message = "{identification.standard.kind.required}") String kind,
			String regionCode,
			@NotNull(message = "{identification.standard.value.required}") @DecimalMin(value = "0", message = "{identification.standard.value.negative}") @Digits(integer = 12, fraction = 4, message = "{identification.standard.value.digits}") BigDecimal value,
			StandardBasis basis,
			@NotNull(message = "{identification.standard.from.required}") LocalDate effectiveFrom,
			LocalDate effectiveTo,
			@Size(max = 500, message = "{identification.text.size}") String note) {
	}

	/** Ends a figure on a date (the last day it applies): a correction with the same value and start. */
	public record EndStandard(@NotNull(message = "{identification.standard.to.required}") LocalDate effectiveTo,
			@Size(max = 500, message = "{identification.text.size}") String note) {
	}

	/** A named custom kind, e.g. {@code heating_subsidy} (lower case letters, digits, underscores). */
	public record AddStandardKind(
			@NotBlank(message = "{identification.kind.code.required}") @Pattern(regexp = "[a-z][a-z0-9_]{1,39}", message = "{identification.kind.code.pattern}") String code,
			@NotNull(message = "{identification.kind.basis.required}") StandardBasis basis,
			@NotBlank(message = "{identification.kind.name.required}") @Size(max = 100, message = "{identification.text.size}") String nameZh,
			@NotBlank(message = "{identification.kind.name.required}") @Size(max = 100, message = "{identification.text.size}") String nameEn) {
	}

}

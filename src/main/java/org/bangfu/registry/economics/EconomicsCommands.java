package org.bangfu.registry.economics;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bangfu.registry.economics.EconomicsVocabulary.AssetKind;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.EconomicsVocabulary.Source;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind;

/**
 * What a user records about a household's economics. Amounts are kept as entered (yuan, at most
 * two decimals, never converted). The same command adds a record or, sent to an existing one,
 * corrects it (the old row is retired, the history keeps both). Every write is audited.
 */
public final class EconomicsCommands {

	private EconomicsCommands() {
	}

	/**
	 * An income item of a member for one month (year and month) or one calendar year (month empty).
	 * source null = FORM.
	 */
	public record RecordIncome(
			@NotNull(message = "{registry.economics.member.required}") Long memberId,
			@NotNull(message = "{registry.economics.kind.required}") IncomeKind kind,
			@NotNull(message = "{registry.economics.period.required}") Period period,
			@NotNull(message = "{registry.economics.year.required}") @Min(value = 1990, message = "{registry.economics.year.range}") @Max(value = 2200, message = "{registry.economics.year.range}") Integer year,
			@Min(value = 1, message = "{registry.economics.month.range}") @Max(value = 12, message = "{registry.economics.month.range}") Integer month,
			@NotNull(message = "{registry.economics.amount.required}") @DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 12, fraction = 2, message = "{registry.amount.digits}") BigDecimal amount,
			Source source,
			@Size(max = 500, message = "{registry.text.size}") String note) {
	}

	/** Essential spending of a calendar year; evidence names a document (receipt number, file). */
	public record RecordSpending(
			@NotNull(message = "{registry.economics.kind.required}") SpendingKind kind,
			@NotNull(message = "{registry.economics.year.required}") @Min(value = 1990, message = "{registry.economics.year.range}") @Max(value = 2200, message = "{registry.economics.year.range}") Integer year,
			@NotNull(message = "{registry.economics.amount.required}") @DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 12, fraction = 2, message = "{registry.amount.digits}") BigDecimal amount,
			@Size(max = 500, message = "{registry.text.size}") String note,
			@Size(max = 200, message = "{registry.text.size}") String evidence) {
	}

	/** An accident, disaster or sudden major illness: what it cost and how much insurance or others covered. */
	public record RecordSuddenCost(
			@NotNull(message = "{registry.economics.kind.required}") SuddenCostKind kind,
			@NotNull(message = "{registry.economics.date.required}") LocalDate occurredOn,
			@NotNull(message = "{registry.economics.amount.required}") @DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 12, fraction = 2, message = "{registry.amount.digits}") BigDecimal amount,
			@DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 12, fraction = 2, message = "{registry.amount.digits}") BigDecimal covered,
			@Size(max = 500, message = "{registry.text.size}") String note) {
	}

	/** An asset as of a date; vehicleKind only (and always) for vehicles. */
	public record RecordAsset(
			@NotNull(message = "{registry.economics.kind.required}") AssetKind kind,
			VehicleKind vehicleKind,
			@DecimalMin(value = "0", message = "{registry.amount.negative}") @Digits(integer = 12, fraction = 2, message = "{registry.amount.digits}") BigDecimal value,
			@NotNull(message = "{registry.economics.date.required}") LocalDate asOf,
			@Size(max = 200, message = "{registry.text.size}") String description) {
	}

}

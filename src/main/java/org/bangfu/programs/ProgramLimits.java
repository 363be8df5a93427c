package org.bangfu.programs;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/**
 * What a line may never exceed: a cap per grant, per year per household and per year per
 * person (the program's approved lines of the calendar year count), the out-of-pocket cost
 * (this year's medical spending plus sudden costs, less what the program paid this year), and
 * whether a second grant in the year is allowed. Null caps do not apply.
 */
public record ProgramLimits(
		@DecimalMin(value = "0", message = "{programs.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{programs.amount.digits}") BigDecimal capPerGrant,
		@DecimalMin(value = "0", message = "{programs.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{programs.amount.digits}") BigDecimal capPerYearHousehold,
		@DecimalMin(value = "0", message = "{programs.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{programs.amount.digits}") BigDecimal capPerYearPerson,
		boolean outOfPocket, SecondGrant secondGrant) {

	public static final ProgramLimits NONE = new ProgramLimits(null, null, null, false, SecondGrant.ALLOWED);

	public SecondGrant secondGrantOrAllowed() {
		return secondGrant == null ? SecondGrant.ALLOWED : secondGrant;
	}

}

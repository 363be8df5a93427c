package org.bangfu.programs;

import java.time.LocalDate;

/**
 * A household's payment: a roster line with its program, cycle, pay date, the cycle's status
 * (approved = to be paid) and the fund that pays it (null until a fund has booked the cycle).
 */
public record HouseholdPayment(RosterLineView line, String programName, String cycleLabel, LocalDate payDate, CycleStatus cycleStatus,
		String fundName) {
}

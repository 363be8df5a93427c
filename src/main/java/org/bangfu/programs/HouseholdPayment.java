package org.bangfu.programs;

import java.time.LocalDate;

/** A household's payment: a roster line with its program, cycle, pay date and the cycle's status (approved = to be paid). */
public record HouseholdPayment(RosterLineView line, String programName, String cycleLabel, LocalDate payDate, CycleStatus cycleStatus) {
}

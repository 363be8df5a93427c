package org.bangfu.cases;

import java.time.LocalDate;

/**
 * Who acts next on a case and by when, and whether the current user may: {@code reasonKey} says
 * why not (a message key) when {@code mayAct} is false.
 */
public record NextStep(ChainStepView step, LocalDate dueDate, boolean overdue, boolean mayAct, String reasonKey) {
}

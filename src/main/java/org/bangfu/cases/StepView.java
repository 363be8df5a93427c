package org.bangfu.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** One attempt at a step of a case: when it started, its deadline, who decided what and what they recorded. */
public record StepView(long id, int position, Instant startedAt, LocalDate dueDate, Instant completedAt,
		Outcome outcome, Long actorId, String actorLogin, String actorName, boolean automatic, String comment,
		Map<String, Object> form, boolean overdue) {

	public boolean open() {
		return completedAt == null;
	}

}

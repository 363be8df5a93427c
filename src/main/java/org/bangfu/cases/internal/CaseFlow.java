package org.bangfu.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.bangfu.cases.CaseApproved;
import org.bangfu.cases.CaseRejected;
import org.bangfu.cases.CaseStatus;
import org.bangfu.cases.CaseView;
import org.bangfu.cases.ChainStepView;
import org.bangfu.cases.ChainView;
import org.bangfu.cases.Outcome;
import org.bangfu.cases.StepView;
import org.bangfu.cases.WorkingCalendar;
import org.bangfu.cases.internal.StepStore.StepActor;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Moves a case along its chain once a step is decided: starts the next step with its SLA deadline,
 * returns it for correction, rejects it, or — after the last step — approves it and applies the
 * outcome to the register. Used by people's decisions and by the notice period; the caller holds
 * the case row lock and has checked who may decide.
 */
@Component
public class CaseFlow {

	private final CaseStore cases;

	private final StepStore steps;

	private final TransitionLog log;

	private final WorkingCalendar calendar;

	private final RegisterOutcome register;

	private final ApplicationEventPublisher events;

	private final BusinessClock clock;

	CaseFlow(CaseStore cases, StepStore steps, TransitionLog log, WorkingCalendar calendar, RegisterOutcome register,
			ApplicationEventPublisher events, BusinessClock clock) {
		this.cases = cases;
		this.steps = steps;
		this.log = log;
		this.calendar = calendar;
		this.register = register;
		this.events = events;
		this.clock = clock;
	}

	/** Starts the step: its deadline is its SLA counted from today (working or calendar days). */
	public void start(long caseId, ChainStepView step, Instant now) {
		LocalDate due = calendar.due(clock.today(), step.slaDays(), step.slaWorkingDays());
		steps.start(caseId, step.position(), now, due);
	}

	/**
	 * Records the decision on the open step and moves the case on.
	 * @param decider who decided the step (for four eyes on the next one)
	 * @param recorder who the timeline and audit name (the decider, or the system for a notice period)
	 */
	public CaseStatus decide(Scope scope, CaseView c, ChainView chain, StepView open, Outcome outcome, StepActor decider,
			StepActor recorder, boolean automatic, String comment, Map<String, Object> form, Instant now) {
		steps.complete(open.id(), outcome, decider, automatic, comment, form, now);
		int position = open.position();
		switch (outcome) {
			case PASS -> {
				var next = chain.after(position);
				if (next.isPresent()) {
					cases.moveTo(c.id(), CaseStatus.IN_REVIEW, next.get().position(), now);
					start(c.id(), next.get(), now);
					log.record(c.id(), c.caseNo(), recorder, "pass", c.status(), CaseStatus.IN_REVIEW, position, comment, now,
							Map.of("next", next.get().position(), "automatic", automatic));
					return CaseStatus.IN_REVIEW;
				}
				LocalDate today = clock.today();
				LocalDate effective = chain.fromNextMonth() ? today.withDayOfMonth(1).plusMonths(1) : today;
				String applied = register.apply(scope, c, effective);
				cases.decided(c.id(), CaseStatus.APPROVED, StepStore.blankToNull(comment), effective, applied, now);
				log.record(c.id(), c.caseNo(), recorder, "approve", c.status(), CaseStatus.APPROVED, position, comment, now,
						Map.of("effectiveDate", effective.toString(), "applied", applied));
				events.publishEvent(new CaseApproved(c.id(), c.type(), c.householdId(), c.organisationId(), effective));
				return CaseStatus.APPROVED;
			}
			case RETURN -> {
				cases.moveTo(c.id(), CaseStatus.RETURNED, position, now);
				log.record(c.id(), c.caseNo(), recorder, "return", c.status(), CaseStatus.RETURNED, position, comment, now,
						Map.of());
				return CaseStatus.RETURNED;
			}
			default -> {
				cases.decided(c.id(), CaseStatus.REJECTED, StepStore.blankToNull(comment), null, null, now);
				log.record(c.id(), c.caseNo(), recorder, "reject", c.status(), CaseStatus.REJECTED, position, comment, now,
						Map.of());
				events.publishEvent(new CaseRejected(c.id(), c.type(), c.householdId(), c.organisationId(), comment));
				return CaseStatus.REJECTED;
			}
		}
	}

}

package org.bangfu.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.reporting.internal.DeadlinePolicy;
import org.bangfu.reporting.internal.ReportVersionStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before a report's deadline (there is no mail): every morning, each organisation that must submit a
 * report whose deadline is within the template's reminder days, and has not submitted it, gets one notification
 * per template and period, shown on its users' home page until the report is submitted.
 */
@Service
public class Reminders {

	private static final Scope EVERYTHING = new Scope(0, "/");

	private final ReportVersionStore store;

	private final Reports reports;

	private final Organisations organisations;

	private final BusinessClock clock;

	Reminders(ReportVersionStore store, Reports reports, Organisations organisations, BusinessClock clock) {
		this.store = store;
		this.reports = reports;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Scheduled(cron = "${bangfu.reporting.reminder-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
	void daily() {
		remind(clock.today());
	}

	/** Writes the reminders due on {@code today}; returns how many were new. */
	@Transactional
	public int remind(LocalDate today) {
		List<OrganisationView> all = organisations.tree(EVERYTHING);
		int n = 0;
		for (ReportTemplate t : reports.templates()) {
			ReportPeriod current = ReportPeriod.containing(t.period(), today);
			for (ReportPeriod p : List.of(current.previous(), current)) {
				LocalDate due = reports.deadline(t, p);
				if (!DeadlinePolicy.remindOn(today, due, t.remindDays())) {
					continue;
				}
				List<OrganisationView> submitters = all.stream()
					.filter(o -> o.active() && o.parentId() != null)
					.filter(o -> t.submitterType() == null || o.type().name().equals(t.submitterType()))
					.toList();
				Set<Long> done = store.submitted(t.code(), p.key(), submitters.stream().map(OrganisationView::id).toList())
					.stream()
					.map(ReportView::organisationId)
					.collect(Collectors.toSet());
				for (OrganisationView o : submitters) {
					if (!done.contains(o.id()) && store.notify(o.id(), t.code(), p.key(), due)) {
						n++;
					}
				}
			}
		}
		return n;
	}

	/** The open reminders of the caller's organisation. */
	@Transactional(readOnly = true)
	public List<Notification> of(Actor actor, Locale locale) {
		return store.notifications(actor.organisationId(), clock.today().minusDays(60),
				locale != null && "en".equals(locale.getLanguage()));
	}

}

package org.bangfu.registry.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.registry.HouseholdChanged;
import org.bangfu.registry.HouseholdClosed;
import org.bangfu.registry.HouseholdExited;
import org.bangfu.registry.HouseholdFiled;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Every change, three ways: the household's history (snapshot), the audit log, and an event. */
@Component
public class HouseholdJournal {

	private final ChangeLog changes;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final BusinessClock clock;

	HouseholdJournal(ChangeLog changes, AuditLog audit, ApplicationEventPublisher events, BusinessClock clock) {
		this.changes = changes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public static String login() {
		return Actor.current().map(Actor::login).orElse("system");
	}

	/** Records a change of kind (draft, file, update, exit, close, reopen, member.add …) with extra audit detail. */
	public void record(HouseholdView before, HouseholdView after, String kind, Map<String, ?> detail) {
		changes.record(before, after, kind, login(), clock.now());
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("fileNo", after.fileNo());
		d.putAll(detail);
		audit.record("household." + kind, "household", after.id(), d);
		switch (kind) {
			case "file" -> events.publishEvent(new HouseholdFiled(after.id(), after.organisationId(), after.regionCode()));
			case "close" -> events.publishEvent(new HouseholdClosed(after.id(), after.closeReason()));
			case "exit" -> events.publishEvent(new HouseholdExited(after.id(), after.exitDate()));
			default -> events.publishEvent(new HouseholdChanged(after.id(), kind));
		}
	}

}

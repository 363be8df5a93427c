package org.bangfu.programs;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.bangfu.programs.internal.schedule.EventReachQuery;
import org.bangfu.programs.internal.schedule.EventRegionPolicy;
import org.bangfu.programs.internal.schedule.EventStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events declared by a user (an orange heat or cold-wave warning, an epidemic risk area, a flood,
 * …) for regions of any level and a period: declared, listed, ended early, and who they would
 * reach. Every method works in the caller's organisation subtree (an event outside it is "not
 * found"); a region outside the declaring organisation's region is refused. Declaring publishes
 * {@link EventDeclared} so event-driven programs can propose a cycle; ending publishes
 * {@link EventEnded}. Writes and views of who is reached are audited.
 */
@Service
public class Events {

	static final int MAX_REGIONS = 50;

	static final int MAX_DAYS = 366;

	private final EventStore store;

	private final EventReachQuery reach;

	private final Regions regions;

	private final Organisations organisations;

	private final AuditLog audit;

	private final BusinessClock clock;

	private final ApplicationEventPublisher publisher;

	Events(EventStore store, EventReachQuery reach, Regions regions, Organisations organisations, AuditLog audit,
			BusinessClock clock, ApplicationEventPublisher publisher) {
		this.store = store;
		this.reach = reach;
		this.regions = regions;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.publisher = publisher;
	}

	@Transactional
	public EventView declare(Actor actor, EventDeclaration cmd) {
		if (cmd.kind() == null) {
			throw BangfuException.badField("kind", "schedules.event.kind.required");
		}
		String otherName = trim(cmd.otherName());
		if (cmd.kind() == EventKind.OTHER && otherName == null) {
			throw BangfuException.badField("otherName", "schedules.event.otherName.required");
		}
		if (otherName != null && otherName.length() > 100) {
			throw BangfuException.badField("otherName", "schedules.event.otherName.tooLong");
		}
		period(cmd.from(), cmd.to());
		String note = trim(cmd.note());
		if (note != null && note.length() > 1000) {
			throw BangfuException.badField("note", "schedules.event.note.tooLong");
		}
		OrganisationView org = organisations.require(actor.scope(),
				cmd.organisationId() == null ? actor.organisationId() : cmd.organisationId());
		Map<String, String> prefixes = regions(cmd.regionCodes(), org);
		long id = store.insert(cmd.kind(), cmd.kind() == EventKind.OTHER ? otherName : null, cmd.from(), cmd.to(), note,
				org.id(), actor.userId(), actor.displayName(), clock.now(), prefixes);
		List<String> codes = List.copyOf(prefixes.keySet());
		audit.record("event.declare", "programsEvent", id, Map.of("kind", cmd.kind().name(), "regions", codes, "from",
				cmd.from().toString(), "to", cmd.to().toString(), "organisationId", org.id()));
		publisher.publishEvent(new EventDeclared(id, cmd.kind(), codes, cmd.from(), cmd.to(), org.id()));
		return get(actor.scope(), id);
	}

	public EventView get(Scope scope, long id) {
		return store.find(scope, id, clock.today())
			.orElseThrow(() -> BangfuException.notFound("schedules.event.notFound", id));
	}

	/** Events of the scope, newest first; only those in force or still to come when {@code current}. */
	public List<EventView> list(Scope scope, boolean current, int page, int size) {
		int s = Math.max(1, Math.min(100, size));
		return store.list(scope, current, s, (Math.max(1, page) - 1) * s, clock.today());
	}

	/** Events of the scope in force on some day between the two dates (a calendar). */
	public List<EventView> between(Scope scope, LocalDate from, LocalDate to) {
		return store.overlapping(scope, from, to, clock.today());
	}

	/** Every declared event of a kind whose first day lies between the two dates, in any organisation (system use). */
	public List<EventView> startingBetween(EventKind kind, LocalDate from, LocalDate to) {
		return store.startingBetween(null, kind, from, to, clock.today());
	}

	/** The same within a scope (what a user may see). */
	public List<EventView> startingBetween(Scope scope, EventKind kind, LocalDate from, LocalDate to) {
		return store.startingBetween(scope, kind, from, to, clock.today());
	}

	/** Ends an event early, today; an event ended or over already cannot be ended. */
	@Transactional
	public EventView end(Actor actor, long id, String reason) {
		EventView event = get(actor.scope(), id);
		if (event.status() == EventStatus.ENDED || event.status() == EventStatus.EXPIRED) {
			throw new BangfuException(Problem.CONFLICT, "schedules.event.alreadyOver", id);
		}
		String why = trim(reason);
		if (why != null && why.length() > 500) {
			throw BangfuException.badField("reason", "schedules.event.reason.tooLong");
		}
		LocalDate today = clock.today();
		if (!store.end(id, today, why, actor.displayName(), clock.now())) {
			throw new BangfuException(Problem.CONFLICT, "schedules.event.alreadyOver", id);
		}
		audit.record("event.end", "programsEvent", id, why == null ? Map.of("endedOn", today.toString())
				: Map.of("endedOn", today.toString(), "reason", why));
		publisher.publishEvent(new EventEnded(id, event.kind(), today, event.organisationId()));
		return get(actor.scope(), id);
	}

	/** Who the event would reach in the reader's scope: counts and one page of households (audited). */
	@Transactional
	public EventReach reach(Scope scope, long id, int page, int size) {
		EventView event = get(scope, id);
		List<String> prefixes = event.regions().stream().map(r -> EventRegionPolicy.prefix(r.code(), r.level())).toList();
		int s = Math.max(1, Math.min(100, size));
		int p = Math.max(1, page);
		long[] counts = reach.count(scope, prefixes);
		var rows = reach.page(scope, prefixes, s, (p - 1) * s);
		audit.record("event.reach", "programsEvent", id, Map.of("households", counts[0], "page", p));
		return new EventReach(id, counts[0], counts[1], p, s, rows);
	}

	private static void period(LocalDate from, LocalDate to) {
		if (from == null) {
			throw BangfuException.badField("from", "schedules.event.from.required");
		}
		if (to == null) {
			throw BangfuException.badField("to", "schedules.event.to.required");
		}
		if (from.isAfter(to)) {
			throw BangfuException.badField("to", "schedules.event.period.order", from, to);
		}
		if (to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
			throw BangfuException.badField("to", "schedules.event.period.tooLong", MAX_DAYS);
		}
	}

	/** The chosen regions (12-digit code → prefix), each existing and under the organisation's region. */
	private Map<String, String> regions(List<String> codes, OrganisationView org) {
		List<String> given = codes == null ? List.of()
				: codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
		if (given.isEmpty()) {
			throw BangfuException.badField("regionCodes", "schedules.event.regions.required");
		}
		if (given.size() > MAX_REGIONS) {
			throw BangfuException.badField("regionCodes", "schedules.event.regions.tooMany", MAX_REGIONS);
		}
		Map<String, String> prefixes = new LinkedHashMap<>();
		for (String code : given) {
			RegionView region;
			try {
				region = regions.require(code);
			}
			catch (BangfuException ex) {
				throw BangfuException.badField("regionCodes", "schedules.event.region.unknown", code);
			}
			if (!EventRegionPolicy.within(region.code(), org.regionCode())) {
				throw BangfuException.badField("regionCodes", "schedules.event.region.outside", region.name(),
						region.code(), org.name());
			}
			prefixes.put(region.code(), EventRegionPolicy.prefix(region.code(), region.level()));
		}
		return prefixes;
	}

	private static String trim(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}

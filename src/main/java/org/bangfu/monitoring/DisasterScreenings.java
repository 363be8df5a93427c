package org.bangfu.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.monitoring.internal.FlagStore;
import org.bangfu.monitoring.internal.ReliefStore;
import org.bangfu.monitoring.internal.ScreeningStore;
import org.bangfu.monitoring.internal.SettingStore;
import org.bangfu.programs.EventKind;
import org.bangfu.programs.EventRegion;
import org.bangfu.programs.EventView;
import org.bangfu.programs.Events;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disaster screening (灾后排查): after an event declared for some regions (programs' events),
 * the filed, exited and monitored households of those regions in the caller's scope are listed
 * for a visit within the organisation's screening deadline (calendar days); relief granted first
 * and reviewed after (先行救助) is recorded as such and reviewed by someone else. Audited.
 */
@Service
public class DisasterScreenings {

	private final Events events;

	private final ScreeningStore screenings;

	private final ReliefStore reliefs;

	private final FlagStore flags;

	private final SettingStore settings;

	private final MessageSource messages;

	private final AuditLog audit;

	private final BusinessClock clock;

	DisasterScreenings(Events events, ScreeningStore screenings, ReliefStore reliefs, FlagStore flags, SettingStore settings,
			MessageSource messages, AuditLog audit, BusinessClock clock) {
		this.events = events;
		this.screenings = screenings;
		this.reliefs = reliefs;
		this.flags = flags;
		this.settings = settings;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** Starts a screening for an event the actor can see: lists the households of its regions in the actor's scope. */
	@Transactional
	public ScreeningView start(Actor actor, long eventId) {
		EventView event = events.get(actor.scope(), eventId);
		LocalDate today = clock.today();
		LocalDate due = today.plusDays(settings.of(actor.organisationId()).screeningDays());
		String name = (event.kind() == EventKind.OTHER ? event.otherName()
				: messages.getMessage(event.kind().messageKey(), null, event.kind().name(), Locale.SIMPLIFIED_CHINESE))
				+ " " + event.from() + "—" + event.lastDay();
		List<String> prefixes = event.regions().stream().map(DisasterScreenings::prefix).toList();
		long id = screenings.create(eventId, name, actor.organisationId(), event.regionCodes(), today, due, actor.login());
		int listed = screenings.fill(id, actor.scope(), prefixes);
		audit.record("monitoring.screening.start", "programsEvent", eventId,
				Map.of("screening", id, "households", listed, "due", due.toString()));
		return get(actor.scope(), id);
	}

	public ScreeningView get(Scope scope, long id) {
		return screenings.find(scope, id).orElseThrow(() -> BangfuException.notFound("monitoring.screening.notFound", id));
	}

	public List<ScreeningView> list(Scope scope) {
		return screenings.list(scope);
	}

	/** The households of a screening (all, or only those visited / not yet visited). */
	public List<ScreeningRow> households(Scope scope, long id, Boolean visited) {
		get(scope, id);
		return screenings.households(id, visited);
	}

	@Transactional
	public void recordVisit(Scope scope, long screeningId, long householdId, String note) {
		get(scope, screeningId);
		if (note != null && note.length() > 1000) {
			throw BangfuException.badField("note", "monitoring.note.tooLong");
		}
		if (screenings.visit(screeningId, householdId, clock.today(), MonitoredHouseholds.login(), note) == 0) {
			throw BangfuException.notFound("monitoring.household.notFound", householdId);
		}
		audit.record("monitoring.screening.visit", "household", householdId, Map.of("screening", screeningId));
	}

	/** Records relief granted first (to be reviewed after): amount over zero with at most two decimals. */
	@Transactional
	public long grantRelief(Scope scope, long householdId, Long screeningId, BigDecimal amount, String note) {
		if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
				|| amount.compareTo(new BigDecimal("10000000")) >= 0) {
			throw BangfuException.badField("amount", "monitoring.relief.amount.invalid");
		}
		if (note != null && note.length() > 1000) {
			throw BangfuException.badField("note", "monitoring.note.tooLong");
		}
		FlagStore.Household h = flags.household(scope, householdId)
			.orElseThrow(() -> BangfuException.notFound("monitoring.household.notFound", householdId));
		if (screeningId != null) {
			get(scope, screeningId);
		}
		long id = reliefs.insert(h.id(), h.organisationId(), screeningId, amount.setScale(2), clock.today(),
				MonitoredHouseholds.login(), note);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("relief", id);
		detail.put("amount", amount.setScale(2).toPlainString());
		detail.put("screening", String.valueOf(screeningId));
		audit.record("monitoring.relief.grant", "household", h.id(), detail);
		return id;
	}

	/** Reviews relief granted first: confirmed or rejected, by someone other than who granted it. */
	@Transactional
	public ReliefView reviewRelief(Scope scope, long reliefId, boolean confirmed, String note) {
		ReliefView r = reliefs.find(scope, reliefId)
			.orElseThrow(() -> BangfuException.notFound("monitoring.relief.notFound", reliefId));
		if (r.reviewed()) {
			throw new BangfuException(Problem.CONFLICT, "monitoring.relief.alreadyReviewed");
		}
		if (r.grantedBy().equals(MonitoredHouseholds.login())) {
			throw new BangfuException(Problem.CONFLICT, "monitoring.relief.fourEyes");
		}
		reliefs.review(reliefId, MonitoredHouseholds.login(), clock.today(), confirmed ? "CONFIRMED" : "REJECTED",
				note == null || note.isBlank() ? null : note.strip());
		audit.record("monitoring.relief.review", "household", r.householdId(),
				Map.of("relief", reliefId, "outcome", confirmed ? "CONFIRMED" : "REJECTED"));
		return reliefs.find(scope, reliefId).orElseThrow();
	}

	public List<ReliefView> reliefs(Scope scope, boolean pendingOnly) {
		return reliefs.list(scope, pendingOnly);
	}

	/** A region's code without its trailing zero levels (province 2, city 4, county 6, township 9, village 12 digits). */
	static String prefix(EventRegion region) {
		int[] lengths = { 2, 4, 6, 9, 12 };
		int level = Math.max(1, Math.min(5, region.level()));
		return region.code().substring(0, lengths[level - 1]);
	}

}

package org.bangfu.programs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bangfu.programs.EventDeclared;
import org.bangfu.programs.EventKind;
import org.bangfu.programs.NewCycle;
import org.bangfu.programs.ProgramView;
import org.bangfu.programs.ScheduleSpec;
import org.bangfu.programs.Schedules;
import org.bangfu.programs.internal.schedule.EventRegionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A declared event proposes a cycle of each active program scheduled {@code event <KIND>} of its
 * kind whose owner's subtree overlaps the declaring organisation (owner is it, an ancestor or a
 * descendant): period key {@code event-<id>} (once per program, so a second delivery opens
 * nothing), the event's period, paid on its first day, in the deeper of the two organisations,
 * restricted to the event's regions ({@code programs_cycle_region}).
 */
@Component
public class EventCycles {

	private static final Logger log = LoggerFactory.getLogger(EventCycles.class);

	private final JdbcClient jdbc;

	private final ProgramStore programs;

	private final CycleStore cycles;

	private final MessageSource messages;

	EventCycles(JdbcClient jdbc, ProgramStore programs, CycleStore cycles, MessageSource messages) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.cycles = cycles;
		this.messages = messages;
	}

	@ApplicationModuleListener
	public void on(EventDeclared e) {
		propose(e);
	}

	/** Opens the proposed cycles; returns the ids of those opened now. */
	public List<Long> propose(EventDeclared e) {
		record Candidate(long id, long organisationId, String path) {
		}
		String declaringPath = jdbc.sql("SELECT path FROM organisation WHERE id = ?").param(e.organisationId())
			.query(String.class).single();
		List<Candidate> candidates = jdbc.sql("""
				SELECT p.id, p.organisation_id, o.path FROM programs_program p JOIN organisation o ON o.id = p.organisation_id
				WHERE p.status = 'ACTIVE' AND (o.path LIKE :declaring || '%' OR :declaring LIKE o.path || '%')
				ORDER BY p.id""").param("declaring", declaringPath)
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
		String eventName = messages.getMessage(e.kind().messageKey(), null, e.kind().name(), Locale.SIMPLIFIED_CHINESE);
		List<Long> opened = new ArrayList<>();
		for (Candidate c : candidates) {
			ProgramView p = programs.find(c.id()).orElseThrow();
			if (!scheduledOn(p, e.kind())) {
				continue;
			}
			long organisation = c.path().length() >= declaringPath.length() ? c.organisationId() : e.organisationId();
			int months = (e.to().getYear() * 12 + e.to().getMonthValue()) - (e.from().getYear() * 12 + e.from().getMonthValue()) + 1;
			NewCycle cycle = new NewCycle(p.id(), p.content().nameZh() + " · " + eventName + " " + e.from(), "event-" + e.eventId(),
					e.from(), e.to(), e.from());
			Optional<Long> id = cycles.insert(cycle, p.code(), organisation, months, 0, "system");
			id.ifPresent(cycleId -> {
				for (String region : e.regionCodes()) {
					jdbc.sql("INSERT INTO programs_cycle_region (cycle_id, region_code, prefix) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
						.params(cycleId, region, EventRegionPolicy.prefix(region))
						.update();
				}
				opened.add(cycleId);
				log.info("Event {} proposed cycle {} of {}", e.eventId(), cycleId, p.code());
			});
		}
		return opened;
	}

	/** The regions a cycle is restricted to (empty: its organisation's whole subtree). */
	public List<String> regions(long cycleId) {
		return jdbc.sql("SELECT region_code FROM programs_cycle_region WHERE cycle_id = ? ORDER BY region_code").param(cycleId)
			.query(String.class).list();
	}

	/** The cycles an event proposed (period key event-id), visible in the scope path pattern. */
	public List<Long> proposed(long eventId, String scopePath) {
		return jdbc.sql("""
				SELECT c.id FROM programs_cycle c JOIN organisation o ON o.id = c.organisation_id
				WHERE c.period_key = :key AND o.path LIKE :scopePath ORDER BY c.id""")
			.param("key", "event-" + eventId).param("scopePath", scopePath).query(Long.class).list();
	}

	private static boolean scheduledOn(ProgramView p, EventKind kind) {
		try {
			return Schedules.parse(p.content().schedule()) instanceof ScheduleSpec.OnEvent on && on.kind() == kind;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}

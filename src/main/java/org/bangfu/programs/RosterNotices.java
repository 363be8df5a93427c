package org.bangfu.programs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.WorkingCalendar;
import org.bangfu.programs.internal.ProgramStore;
import org.bangfu.programs.internal.handover.RosterNoticeStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public notice (公示) of a roster where its program asks for one: a submitted or approved
 * roster is published once, for a period of days (7 by default; calendar days, or working days
 * by the cases notices' working calendar), with each line's name masked, village and amount —
 * never ID numbers or accounts. The public reads it at /public/roster-notices, linked from the
 * cases notice board.
 */
@Service
public class RosterNotices {

	static final int DEFAULT_DAYS = 7;

	private final Rosters rosters;

	private final ProgramStore programs;

	private final RosterNoticeStore store;

	private final WorkingCalendar calendar;

	private final AuditLog audit;

	private final BusinessClock clock;

	private final org.bangfu.programs.internal.handover.NoticeObjectionStore objections;

	private final org.bangfu.programs.internal.handover.RosterNoticePdf pdf;

	RosterNotices(Rosters rosters, ProgramStore programs, RosterNoticeStore store, WorkingCalendar calendar, AuditLog audit,
			BusinessClock clock, org.bangfu.programs.internal.handover.NoticeObjectionStore objections,
			org.bangfu.programs.internal.handover.RosterNoticePdf pdf) {
		this.objections = objections;
		this.pdf = pdf;
		this.rosters = rosters;
		this.programs = programs;
		this.store = store;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the cycle's program asks for a public notice of its rosters. */
	public boolean asked(Scope scope, long cycleId) {
		CycleView c = rosters.cycle(scope, cycleId);
		return programs.find(c.programId()).map(p -> p.content().asksPublicNotice()).orElse(false);
	}

	/** Publishes the roster from today for the period; refused unless asked for, submitted or approved, and not yet published. */
	@Transactional
	public RosterNoticeView publish(Scope scope, long cycleId, Integer periodDays, Boolean workingDays) {
		CycleView c = rosters.cycle(scope, cycleId);
		if (!asked(scope, cycleId)) {
			throw new BangfuException(Problem.CONFLICT, "handover.notice.notAsked", c.programName());
		}
		if (c.status() != CycleStatus.SUBMITTED && c.status() != CycleStatus.APPROVED) {
			throw new BangfuException(Problem.CONFLICT, "handover.notice.notReady", c.label());
		}
		int days = periodDays == null ? DEFAULT_DAYS : periodDays;
		if (days < 1 || days > 60) {
			throw BangfuException.badField("periodDays", "handover.notice.days.range");
		}
		boolean working = Boolean.TRUE.equals(workingDays);
		LocalDate today = clock.today();
		LocalDate ends = calendar.periodEnd(today, days, working);
		Actor actor = Actor.require();
		String title = c.programName() + " " + c.label();
		long id = store.publish(cycleId, c.organisationId(), c.organisationName(), title, days, working, today, ends, clock.now(),
				actor)
			.orElseThrow(() -> new BangfuException(Problem.CONFLICT, "handover.notice.already", c.label()));
		RosterNoticeView n = store.find(id, today).orElseThrow();
		audit.record("roster.notice.publish", "cycle", cycleId, Map.of("notice", id, "startsOn", today.toString(), "endsOn",
				ends.toString(), "rows", n.lineCount()));
		return n;
	}

	/** The cycle's notice, if published (without its rows). */
	public Optional<RosterNoticeView> ofCycle(Scope scope, long cycleId) {
		rosters.cycle(scope, cycleId);
		return store.ofCycle(cycleId, clock.today());
	}

	/** Notices running or ended within the last 90 days, for anyone. */
	public List<RosterNoticeView> publicList() {
		return store.publicList(clock.today(), 90, 100);
	}

	/** A notice with its rows, for anyone (it holds only what the public may see). */
	public Optional<RosterNoticeView> publicNotice(long id) {
		return store.find(id, clock.today());
	}

	/**
	 * An objection from the public page while the notice runs: limited per address and hour (LIMITED,
	 * nothing stored), ignored when the hidden field is filled in, else stored for the row and audited.
	 */
	@Transactional
	public NoticeObjection.Result objectPublicly(long noticeId, NoticeObjection cmd, String clientAddress) {
		RosterNoticeView n = store.find(noticeId, clock.today())
			.orElseThrow(() -> BangfuException.notFound("handover.notice.notFound", noticeId));
		if (!n.running()) {
			throw new BangfuException(Problem.CONFLICT, "handover.objection.closed", n.endsOn());
		}
		if (!objections.tryAcquire(clientAddress)) {
			return NoticeObjection.Result.LIMITED;
		}
		if (cmd.website() != null && !cmd.website().isBlank()) {
			return NoticeObjection.Result.IGNORED;
		}
		if (cmd.text() == null || cmd.text().isBlank()) {
			throw BangfuException.badField("text", "handover.objection.text.required");
		}
		if (cmd.text().length() > 2000 || (cmd.name() != null && cmd.name().length() > 50)
				|| (cmd.contact() != null && cmd.contact().length() > 100)) {
			throw BangfuException.badField("text", "handover.objection.size");
		}
		if (cmd.rowNo() == null || !objections.rowExists(noticeId, cmd.rowNo())) {
			throw BangfuException.badField("rowNo", "handover.objection.row.required");
		}
		long id = objections.insert(noticeId, cmd.rowNo(), blankToNull(cmd.name()), blankToNull(cmd.contact()), cmd.text().strip(),
				clock.now());
		audit.record("roster.notice.objection", "cycle", n.cycleId(), Map.of("notice", noticeId, "objection", id, "row",
				cmd.rowNo()));
		return NoticeObjection.Result.ACCEPTED;
	}

	/** The objections received on the cycle's notice (none when not published). */
	public List<NoticeObjectionView> objections(Scope scope, long cycleId) {
		return ofCycle(scope, cycleId).map(n -> objections.ofNotice(n.id())).orElse(List.of());
	}

	/** The notice as a PDF for the village board (what the public page shows). */
	public byte[] publicPdf(long id, java.util.Locale locale) {
		RosterNoticeView n = publicNotice(id).orElseThrow(() -> BangfuException.notFound("handover.notice.notFound", id));
		return pdf.render(n, locale, clock.today());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}

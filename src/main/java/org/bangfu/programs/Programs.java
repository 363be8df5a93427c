package org.bangfu.programs;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.programs.internal.ProgramStore;
import org.bangfu.programs.internal.ProgramTestsPolicy;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assistance programs (救助项目), versioned like rule sets: a draft is edited in place; editing
 * an active or ended version makes a new draft version; a draft becomes active only when all
 * its test cases pass, and the version it replaces ends. Visible to the owner organisation,
 * its subtree and its ancestors; changed only within the caller's subtree.
 */
@Service
public class Programs {

	private final ProgramStore store;

	private final AuditLog audit;

	private final Schedules schedules;

	private final org.bangfu.shared.BusinessClock clock;

	Programs(ProgramStore store, AuditLog audit, Schedules schedules, org.bangfu.shared.BusinessClock clock) {
		this.store = store;
		this.audit = audit;
		this.schedules = schedules;
		this.clock = clock;
	}

	/**
	 * The cycle the program's next date suggests (label, period key such as the year or the month,
	 * period and pay date), for the open-a-cycle form; empty for an event schedule or a program not active.
	 */
	public java.util.Optional<NewCycle> nextCycle(Scope scope, long programId) {
		ProgramView p = require(scope, programId);
		if (!p.active()) {
			return java.util.Optional.empty();
		}
		ScheduleSpec spec;
		try {
			spec = Schedules.parse(p.content().schedule());
		}
		catch (BangfuException ex) {
			return java.util.Optional.empty();
		}
		if (spec instanceof ScheduleSpec.OnEvent) {
			return java.util.Optional.empty();
		}
		return schedules.next(p.content().schedule(), clock.today())
			.map(o -> org.bangfu.programs.internal.CyclePrefillPolicy.prefill(p, spec, o));
	}

	public List<ProgramView> list(Scope scope) {
		return store.list(scope);
	}

	public ProgramView require(Scope scope, long id) {
		return store.find(scope, id).orElseThrow(() -> BangfuException.notFound("programs.program.notFound", id));
	}

	public List<ProgramView> versions(Scope scope, long id) {
		return store.versions(require(scope, id).code());
	}

	/** The version of a code in force, if any. */
	public java.util.Optional<ProgramView> active(String code) {
		return store.active(code);
	}

	/** A new program (version 1, draft) owned by the caller's organisation. */
	@Transactional
	public ProgramView create(Scope scope, String code, ProgramContent content) {
		String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		if (!c.matches("[a-z0-9][a-z0-9-]{1,39}")) {
			throw BangfuException.badField("code", "programs.code.pattern", c);
		}
		store.lockCode(c);
		if (store.codeExists(c)) {
			throw BangfuException.badField("code", "programs.code.taken", c);
		}
		ProgramTestsPolicy.validate(content);
		long id = store.insert(c, 1, scope.organisationId(), content, false, login());
		audit.record("program.create", "program", id, Map.of("code", c, "version", 1));
		return store.find(id).orElseThrow();
	}

	/** Saves content: in place for a draft, as a new draft version for an active or ended one. */
	@Transactional
	public ProgramView update(Scope scope, long id, ProgramContent content) {
		ProgramView p = requireWritable(scope, id);
		store.lockCode(p.code());
		ProgramTestsPolicy.validate(content);
		if (p.draft()) {
			store.updateDraft(id, content);
			audit.record("program.update", "program", id, Map.of("code", p.code(), "version", p.version()));
			return store.find(id).orElseThrow();
		}
		ProgramView draft = store.versions(p.code()).stream().filter(ProgramView::draft).findFirst().orElse(null);
		if (draft != null) {
			throw new BangfuException(Problem.CONFLICT, "programs.program.draftExists", p.code(), draft.version());
		}
		int version = store.nextVersion(p.code());
		long newId = store.insert(p.code(), version, p.organisationId(), content, p.shipped(), login());
		audit.record("program.newVersion", "program", newId, Map.of("code", p.code(), "version", version));
		return store.find(newId).orElseThrow();
	}

	/** Runs the test cases of content that need not be saved. */
	public List<ProgramTestResult> runTests(ProgramContent content, Locale locale) {
		return ProgramTestsPolicy.run(content, locale);
	}

	/** Activates a draft when it has test cases and every one passes; the version in force ends. */
	@Transactional
	public ProgramView activate(Scope scope, long id) {
		ProgramView p = requireWritable(scope, id);
		store.lockCode(p.code());
		if (!p.draft()) {
			throw new BangfuException(Problem.CONFLICT, "programs.program.notDraft", p.code(), p.version());
		}
		if (p.content().casesOrEmpty().isEmpty()) {
			throw new BangfuException(Problem.CONFLICT, "programs.program.noTests");
		}
		List<ProgramTestResult> failed = runTests(p.content(), Locale.SIMPLIFIED_CHINESE).stream().filter(r -> !r.passed()).toList();
		if (!failed.isEmpty()) {
			throw new ProgramActivationRefused(failed);
		}
		store.activate(id, p.code(), login());
		audit.record("program.activate", "program", id, Map.of("code", p.code(), "version", p.version()));
		return store.find(id).orElseThrow();
	}

	/** Ends an active version: no new cycles run it. */
	@Transactional
	public ProgramView end(Scope scope, long id) {
		ProgramView p = requireWritable(scope, id);
		if (!p.active()) {
			throw new BangfuException(Problem.CONFLICT, "programs.program.notActive", p.code(), p.version());
		}
		store.end(id);
		audit.record("program.end", "program", id, Map.of("code", p.code(), "version", p.version()));
		return store.find(id).orElseThrow();
	}

	/** Whether the caller may change this program (its owner is in the caller's subtree). */
	public boolean writable(Scope scope, ProgramView p) {
		return store.ownerPath(p.id()).map(scope::contains).orElse(false);
	}

	private ProgramView requireWritable(Scope scope, long id) {
		ProgramView p = require(scope, id);
		if (!writable(scope, p)) {
			throw new BangfuException(Problem.FORBIDDEN, "programs.program.notOwner", p.organisationName());
		}
		return p;
	}

	private static String login() {
		return Actor.current().map(Actor::login).orElse("system");
	}

}

package org.bangfu.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.ChainCommands.AddStep;
import org.bangfu.cases.ChainCommands.CopyChain;
import org.bangfu.cases.ChainCommands.CreateChain;
import org.bangfu.cases.ChainCommands.MoveChecklistItem;
import org.bangfu.cases.ChainCommands.MoveStep;
import org.bangfu.cases.ChainCommands.NewStep;
import org.bangfu.cases.ChainCommands.PutChecklistItem;
import org.bangfu.cases.ChainCommands.UpdateChain;
import org.bangfu.cases.ChainCommands.UpdateStep;
import org.bangfu.cases.internal.ChainStepsPolicy;
import org.bangfu.cases.internal.ChainStore;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review chains and document checklists as configuration: shipped by migration, read by every
 * user, changed by an administrator of the root organisation (they are shared by the whole
 * platform). Steps can be changed, added, removed and reordered: on a chain no case uses yet the
 * change is made in place; on a chain cases use it makes a new revision for the cases opened
 * afterwards, and the cases already opened keep the steps they started with. A checklist item
 * added applies to cases opened afterwards. Every change is audited with before and after.
 */
@Service
public class ReviewChains {

	private final ChainStore store;

	private final AuditLog audit;

	private final BusinessClock clock;

	ReviewChains(ChainStore store, AuditLog audit, BusinessClock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/** The current revision of every chain. */
	@Transactional(readOnly = true)
	public List<ChainView> all() {
		return store.all();
	}

	/** A chain by id, also a retired revision (the cases that use it show its steps). */
	@Transactional(readOnly = true)
	public ChainView require(long id) {
		return store.require(id);
	}

	/** Active chains for a case type, the ones meant for the organisation's kind first. */
	@Transactional(readOnly = true)
	public List<ChainView> forType(CaseType type, OrganisationType organisationType) {
		return store.all()
			.stream()
			.filter(c -> c.active() && c.caseType() == type)
			.sorted((a, b) -> Boolean.compare(a.organisationType() != organisationType,
					b.organisationType() != organisationType))
			.toList();
	}

	/**
	 * The chain a new case of the type uses unless the user picks another: the active chain marked
	 * default for the organisation's kind, else the one marked default for any kind, else the first
	 * active chain meant for the kind or for any kind, else the first of the type.
	 */
	@Transactional(readOnly = true)
	public Optional<ChainView> defaultFor(CaseType type, OrganisationType organisationType) {
		List<ChainView> offered = forType(type, organisationType);
		return markedDefault(offered, organisationType)
			.or(() -> offered.stream()
				.filter(c -> c.organisationType() == null || c.organisationType() == organisationType)
				.findFirst())
			.or(() -> offered.stream().findFirst());
	}

	/**
	 * The chain marked default for a new case of the type in an organisation of the kind: the active
	 * chain marked default for the kind, else the one marked default for any kind; empty when no chain
	 * is marked (a case opened without a chosen chain then gets the first chain {@link #defaultFor} finds).
	 */
	@Transactional(readOnly = true)
	public Optional<ChainView> markedDefault(CaseType type, OrganisationType organisationType) {
		return markedDefault(forType(type, organisationType), organisationType);
	}

	private static Optional<ChainView> markedDefault(List<ChainView> offered, OrganisationType organisationType) {
		return offered.stream()
			.filter(c -> c.defaultChain() && organisationType != null && c.organisationType() == organisationType)
			.findFirst()
			.or(() -> offered.stream().filter(c -> c.defaultChain() && c.organisationType() == null).findFirst());
	}

	/** Creates a chain from scratch with its steps (root administrators). */
	@Transactional
	public ChainView create(Actor actor, CreateChain cmd) {
		requireRootAdmin(actor);
		String code = checkNew(cmd.code(), cmd.name(), cmd.nameEn());
		if (cmd.caseType() == null) {
			throw BangfuException.badField("caseType", "cases.chain.caseType.required");
		}
		int noticeDays = cmd.noticeDays() == null ? 7 : cmd.noticeDays();
		if (noticeDays < 1 || noticeDays > 60) {
			throw BangfuException.badField("noticeDays", "cases.chain.noticeDays.range");
		}
		if (cmd.steps() == null || cmd.steps().isEmpty()) {
			throw BangfuException.badField("steps", "cases.chain.steps.empty");
		}
		List<ChainStepView> steps = new ArrayList<>();
		for (NewStep s : cmd.steps()) {
			checkStep(s);
			steps.add(new ChainStepView(0, steps.size() + 1, "step-" + (steps.size() + 1), s.name().strip(), s.nameEn().strip(),
					s.role(), s.level(), s.organisationType(), s.slaDays(), s.slaWorkingDays() == null || s.slaWorkingDays(),
					s.form(), docs(s.requiredDocuments()), s.outcomes().stream().distinct().toList()));
		}
		ChainStepsPolicy.check(steps);
		long id = store.create(code, cmd.name().strip(), cmd.nameEn().strip(), cmd.caseType(), cmd.organisationType(),
				noticeDays, Boolean.TRUE.equals(cmd.noticeWorkingDays()),
				Boolean.TRUE.equals(cmd.fromNextMonth()) ? "NEXT_MONTH" : "APPROVAL", null, steps, actor.login());
		ChainView created = store.require(id);
		if (Boolean.TRUE.equals(cmd.defaultChain())) {
			store.markDefault(created, true);
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("code", code);
		detail.put("name", created.name());
		detail.put("caseType", created.caseType().name());
		detail.put("organisationType", created.organisationType() == null ? "" : created.organisationType().name());
		detail.put("defaultChain", Boolean.TRUE.equals(cmd.defaultChain()));
		detail.put("steps", created.steps().stream().map(ReviewChains::describe).toList());
		audit.record("chain.create", "chain", id, detail);
		return store.require(id);
	}

	/** Creates a chain as a copy of another chain's current revision (root administrators). */
	@Transactional
	public ChainView copy(Actor actor, long sourceId, CopyChain cmd) {
		requireRootAdmin(actor);
		ChainView source = store.require(sourceId);
		if (!source.current()) {
			source = store.require(latest(source));
		}
		String code = checkNew(cmd.code(), cmd.name(), cmd.nameEn());
		OrganisationType kind = cmd.organisationType() == null ? source.organisationType() : cmd.organisationType();
		ChainStepsPolicy.check(source.steps());
		long id = store.create(code, cmd.name().strip(), cmd.nameEn().strip(), source.caseType(), kind, source.noticeDays(),
				source.noticeWorkingDays(), source.effectiveFrom(), source.source(), source.steps(), actor.login());
		ChainView created = store.require(id);
		if (Boolean.TRUE.equals(cmd.defaultChain())) {
			store.markDefault(created, true);
		}
		audit.record("chain.copy", "chain", id, Map.of("code", code, "name", created.name(), "copyOf", source.id(),
				"copyOfCode", source.code(), "copyOfRevision", source.revision(), "organisationType",
				kind == null ? "" : kind.name(), "defaultChain", Boolean.TRUE.equals(cmd.defaultChain())));
		return store.require(id);
	}

	/** The current revision of a chain (following the revisions from a retired one). */
	@Transactional(readOnly = true)
	public long latest(ChainView chain) {
		ChainView c = chain;
		while (!c.current()) {
			c = store.require(c.supersededBy());
		}
		return c.id();
	}

	private String checkNew(String code, String name, String nameEn) {
		String c = code == null ? "" : code.strip();
		if (!c.matches("[a-z0-9][a-z0-9-]{1,39}")) {
			throw BangfuException.badField("code", "cases.chain.code.invalid");
		}
		if (store.codeTaken(c)) {
			throw BangfuException.badField("code", "cases.chain.code.taken", c);
		}
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw BangfuException.badField("name", "cases.chain.name.required");
		}
		if (nameEn == null || nameEn.isBlank() || nameEn.strip().length() > 100) {
			throw BangfuException.badField("nameEn", "cases.chain.name.required");
		}
		return c;
	}

	/** The rules of one step as typed (before the rules of the whole chain). */
	private static void checkStep(NewStep s) {
		if (s.name() == null || s.name().isBlank() || s.nameEn() == null || s.nameEn().isBlank()) {
			throw BangfuException.badField("stepName", "cases.step.name.required");
		}
		if (s.role() == null) {
			throw BangfuException.badField("role", "cases.step.role.required");
		}
		if (s.level() == null) {
			throw BangfuException.badField("level", "cases.step.level.required");
		}
		if (s.form() == null) {
			throw BangfuException.badField("form", "cases.step.form.required");
		}
		if (s.slaDays() == null || s.slaDays() < 1 || s.slaDays() > 365) {
			throw BangfuException.badField("slaDays", "cases.step.sla.range");
		}
		if (s.outcomes() == null || s.outcomes().isEmpty()) {
			throw BangfuException.badField("outcomes", "cases.step.outcomes.required");
		}
	}

	@Transactional(readOnly = true)
	public List<ChecklistItem> checklist(CaseType type) {
		return store.checklist(type);
	}

	@Transactional
	public ChainView update(Actor actor, long chainId, UpdateChain cmd) {
		requireRootAdmin(actor);
		ChainView before = store.require(chainId);
		store.update(before, cmd, actor.login());
		if (cmd.defaultChain() != null && cmd.defaultChain() != before.defaultChain()) {
			store.markDefault(before, cmd.defaultChain());
		}
		ChainView after = store.require(chainId);
		audit.record("chain.update", "chain", chainId, Map.of("code", before.code(), "before",
				Map.of("noticeDays", before.noticeDays(), "workingDays", before.noticeWorkingDays(), "active", before.active(),
						"defaultChain", before.defaultChain()),
				"after", Map.of("noticeDays", after.noticeDays(), "workingDays", after.noticeWorkingDays(), "active", after.active(),
						"defaultChain", after.defaultChain())));
		return after;
	}

	/** Changes a step; returns the chain with the change (a new revision when cases use the chain). */
	@Transactional
	public ChainView updateStep(Actor actor, long chainId, long stepId, UpdateStep cmd) {
		requireRootAdmin(actor);
		ChainView chain = store.require(chainId);
		ChainStepView before = step(chain, stepId);
		StepForm form = cmd.form() == null ? before.form() : cmd.form();
		ChainStepView changed = new ChainStepView(before.id(), before.position(), before.code(), text(cmd.name(), before.name()),
				text(cmd.nameEn(), before.nameEn()), cmd.role(), cmd.level(), cmd.organisationType(), cmd.slaDays(),
				cmd.slaWorkingDays() == null ? before.slaWorkingDays() : cmd.slaWorkingDays(), form,
				docs(cmd.requiredDocuments()), cmd.outcomes().stream().distinct().toList());
		List<ChainStepView> steps = new ArrayList<>(chain.steps());
		steps.set(steps.indexOf(before), changed);
		ChainView after = replace(actor, chain, cmd.version(), steps);
		audit.record("chain.step.update", "chain", after.id(), revised(chain, after, Map.of("step", before.code(),
				"before", describe(before), "after", describe(changed))));
		return after;
	}

	@Transactional
	public ChainView addStep(Actor actor, long chainId, AddStep cmd) {
		requireRootAdmin(actor);
		ChainView chain = store.require(chainId);
		List<ChainStepView> steps = new ArrayList<>(chain.steps());
		int at = cmd.position() == null ? steps.size() : Math.max(0, Math.min(steps.size(), cmd.position() - 1));
		ChainStepView added = new ChainStepView(0, at + 1, newCode(chain), cmd.name().strip(), cmd.nameEn().strip(), cmd.role(),
				cmd.level(), cmd.organisationType(), cmd.slaDays(), cmd.slaWorkingDays() == null || cmd.slaWorkingDays(),
				cmd.form(), docs(cmd.requiredDocuments()), cmd.outcomes().stream().distinct().toList());
		steps.add(at, added);
		ChainView after = replace(actor, chain, cmd.version(), steps);
		audit.record("chain.step.add", "chain", after.id(), revised(chain, after, Map.of("step", added.code(),
				"position", at + 1, "after", describe(added))));
		return after;
	}

	@Transactional
	public ChainView removeStep(Actor actor, long chainId, long stepId, int version) {
		requireRootAdmin(actor);
		ChainView chain = store.require(chainId);
		ChainStepView removed = step(chain, stepId);
		List<ChainStepView> steps = new ArrayList<>(chain.steps());
		steps.remove(removed);
		ChainView after = replace(actor, chain, version, steps);
		audit.record("chain.step.remove", "chain", after.id(), revised(chain, after, Map.of("step", removed.code(),
				"position", removed.position(), "before", describe(removed))));
		return after;
	}

	@Transactional
	public ChainView moveStep(Actor actor, long chainId, long stepId, MoveStep cmd) {
		requireRootAdmin(actor);
		ChainView chain = store.require(chainId);
		ChainStepView moved = step(chain, stepId);
		List<ChainStepView> steps = new ArrayList<>(chain.steps());
		int from = steps.indexOf(moved);
		int to = Math.max(0, Math.min(steps.size() - 1, cmd.position() - 1));
		steps.remove(from);
		steps.add(to, moved);
		ChainView after = replace(actor, chain, cmd.version(), steps);
		audit.record("chain.step.move", "chain", after.id(), revised(chain, after, Map.of("step", moved.code(),
				"from", from + 1, "to", to + 1)));
		return after;
	}

	/** Adds a document to a case type's checklist or changes its rule; a new item binds cases opened from now on. */
	@Transactional
	public List<ChecklistItem> putChecklistItem(Actor actor, CaseType type, DocumentKind kind, PutChecklistItem cmd) {
		requireRootAdmin(actor);
		Optional<ChecklistItem> before = store.checklist(type).stream().filter(i -> i.kind() == kind).findFirst();
		boolean required = cmd.required() == null || cmd.required();
		store.putChecklistItem(type, kind, cmd.rule(), required, actor.login(), clock.now());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("caseType", type.name());
		detail.put("kind", kind.name());
		before.ifPresent(b -> detail.put("before", Map.of("rule", b.rule().name(), "required", b.required())));
		detail.put("after", Map.of("rule", cmd.rule().name(), "required", required));
		audit.record(before.isPresent() ? "checklist.update" : "checklist.add", "checklist", type.name(), detail);
		return store.checklist(type);
	}

	/** Moves a checklist item to a position (1 = first; beyond the end = last); the order is what the pages list. */
	@Transactional
	public List<ChecklistItem> moveChecklistItem(Actor actor, CaseType type, DocumentKind kind, MoveChecklistItem cmd) {
		requireRootAdmin(actor);
		List<ChecklistItem> items = new ArrayList<>(store.checklist(type));
		ChecklistItem moved = items.stream().filter(i -> i.kind() == kind).findFirst()
			.orElseThrow(() -> BangfuException.notFound("cases.checklist.notFound", kind.name()));
		if (cmd.position() == null || cmd.position() < 1) {
			throw BangfuException.badField("position", "cases.checklist.position.range", items.size());
		}
		int from = items.indexOf(moved);
		int to = Math.min(items.size(), cmd.position()) - 1;
		items.remove(from);
		items.add(to, moved);
		store.orderChecklist(type, items.stream().map(ChecklistItem::kind).toList(), actor.login());
		audit.record("checklist.move", "checklist", type.name(), Map.of("caseType", type.name(), "kind", kind.name(),
				"from", from + 1, "to", to + 1));
		return store.checklist(type);
	}

	@Transactional
	public List<ChecklistItem> removeChecklistItem(Actor actor, CaseType type, DocumentKind kind) {
		requireRootAdmin(actor);
		ChecklistItem before = store.checklist(type).stream().filter(i -> i.kind() == kind).findFirst()
			.orElseThrow(() -> BangfuException.notFound("cases.checklist.notFound", kind.name()));
		store.removeChecklistItem(type, kind);
		audit.record("checklist.remove", "checklist", type.name(), Map.of("caseType", type.name(), "kind", kind.name(),
				"before", Map.of("rule", before.rule().name(), "required", before.required())));
		return store.checklist(type);
	}

	/** Whether the actor may change chains: an administrator of the root organisation. */
	public static boolean mayEdit(Actor actor) {
		return actor.has(Role.ADMIN) && actor.organisationPath().chars().filter(c -> c == '/').count() == 2;
	}

	private ChainView replace(Actor actor, ChainView chain, int version, List<ChainStepView> steps) {
		ChainStepsPolicy.check(steps);
		return store.require(store.replaceSteps(chain, version, steps, actor.login()));
	}

	private static ChainStepView step(ChainView chain, long stepId) {
		return chain.stepById(stepId).orElseThrow(() -> BangfuException.notFound("cases.step.notFound", stepId));
	}

	private static String newCode(ChainView chain) {
		for (int i = chain.steps().size() + 1;; i++) {
			String code = "step-" + i;
			if (chain.steps().stream().noneMatch(s -> s.code().equals(code))) {
				return code;
			}
		}
	}

	private static String text(String value, String keep) {
		return value == null || value.isBlank() ? keep : value.strip();
	}

	private static List<DocumentKind> docs(List<DocumentKind> kinds) {
		return kinds == null ? List.of() : kinds.stream().distinct().toList();
	}

	private static Map<String, Object> revised(ChainView before, ChainView after, Map<String, Object> change) {
		Map<String, Object> m = new LinkedHashMap<>(change);
		m.put("code", before.code());
		if (after.id() != before.id()) {
			m.put("revisionOf", before.id());
			m.put("revision", after.revision());
		}
		return m;
	}

	private static void requireRootAdmin(Actor actor) {
		if (!mayEdit(actor)) {
			throw BangfuException.forbidden();
		}
	}

	private static Map<String, Object> describe(ChainStepView s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", s.name());
		m.put("role", s.role().name());
		m.put("level", s.level().name());
		m.put("organisationType", s.organisationType() == null ? "" : s.organisationType().name());
		m.put("slaDays", s.slaDays());
		m.put("slaWorkingDays", s.slaWorkingDays());
		m.put("form", s.form().name());
		m.put("requiredDocuments", s.requiredDocuments().stream().map(Enum::name).toList());
		m.put("outcomes", s.outcomes().stream().map(Enum::name).toList());
		return m;
	}

}

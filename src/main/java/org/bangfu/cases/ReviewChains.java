package org.bangfu.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.ChainCommands.AddStep;
import org.bangfu.cases.ChainCommands.MoveStep;
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

	/** The chain a new case of the type uses unless the user picks another. */
	@Transactional(readOnly = true)
	public Optional<ChainView> defaultFor(CaseType type, OrganisationType organisationType) {
		return forType(type, organisationType).stream()
			.filter(c -> c.organisationType() == null || c.organisationType() == organisationType)
			.findFirst()
			.or(() -> forType(type, organisationType).stream().findFirst());
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
		ChainView after = store.require(chainId);
		audit.record("chain.update", "chain", chainId, Map.of("code", before.code(), "before",
				Map.of("noticeDays", before.noticeDays(), "workingDays", before.noticeWorkingDays(), "active", before.active()),
				"after", Map.of("noticeDays", after.noticeDays(), "workingDays", after.noticeWorkingDays(), "active", after.active())));
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

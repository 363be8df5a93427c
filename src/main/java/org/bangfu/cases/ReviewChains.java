package org.bangfu.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.ChainCommands.UpdateChain;
import org.bangfu.cases.ChainCommands.UpdateStep;
import org.bangfu.cases.internal.ChainStore;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review chains as configuration: shipped by migration, read by every user, changed by an
 * administrator of the root organisation (chains are shared by the whole platform). A change
 * applies to steps started afterwards; every change is audited with before and after.
 */
@Service
public class ReviewChains {

	private final ChainStore store;

	private final AuditLog audit;

	ReviewChains(ChainStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<ChainView> all() {
		return store.all();
	}

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

	@Transactional
	public ChainView updateStep(Actor actor, long chainId, long stepId, UpdateStep cmd) {
		requireRootAdmin(actor);
		ChainView chain = store.require(chainId);
		ChainStepView before = chain.stepById(stepId)
			.orElseThrow(() -> BangfuException.notFound("cases.step.notFound", stepId));
		if (before.notice() && (cmd.outcomes().size() != 1 || cmd.outcomes().get(0) != Outcome.PASS)) {
			throw BangfuException.badField("outcomes", "cases.step.noticeOutcomes");
		}
		if (!cmd.outcomes().contains(Outcome.PASS)) {
			throw BangfuException.badField("outcomes", "cases.step.outcomes.pass");
		}
		store.updateStep(chain, before, cmd, actor.login());
		ChainView after = store.require(chainId);
		audit.record("chain.step.update", "chain", chainId, Map.of("code", chain.code(), "step", before.code(),
				"before", describe(before), "after", describe(after.stepById(stepId).orElseThrow())));
		return after;
	}

	/** Whether the actor may change chains: an administrator of the root organisation. */
	public static boolean mayEdit(Actor actor) {
		return actor.has(Role.ADMIN) && actor.organisationPath().chars().filter(c -> c == '/').count() == 2;
	}

	private static void requireRootAdmin(Actor actor) {
		if (!mayEdit(actor)) {
			throw BangfuException.forbidden();
		}
	}

	private static Map<String, Object> describe(ChainStepView s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("role", s.role().name());
		m.put("level", s.level().name());
		m.put("organisationType", s.organisationType() == null ? "" : s.organisationType().name());
		m.put("slaDays", s.slaDays());
		m.put("slaWorkingDays", s.slaWorkingDays());
		m.put("requiredDocuments", s.requiredDocuments().stream().map(Enum::name).toList());
		m.put("outcomes", s.outcomes().stream().map(Enum::name).toList());
		return m;
	}

}

package org.bangfu.exits;

import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.exits.internal.ExitSettingStore;
import org.bangfu.identification.StandardBasis;
import org.bangfu.identification.Standards;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The exit settings of the caller's organisation (inherited from the nearest ancestor that set them); ADMIN sets them, audited. */
@Service
public class ExitSettings {

	private final ExitSettingStore store;

	private final Standards standards;

	private final AuditLog audit;

	ExitSettings(ExitSettingStore store, Standards standards, AuditLog audit) {
		this.store = store;
		this.standards = standards;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public ExitSetting of(long organisationId) {
		return store.of(organisationId);
	}

	@Transactional
	public ExitSetting save(Actor actor, ExitSetting s) {
		if (!actor.has(Role.ADMIN)) {
			throw BangfuException.forbidden();
		}
		boolean lineKind = standards.kinds().stream()
			.anyMatch(k -> k.code().equals(s.lineKind()) && k.basis() != StandardBasis.RATIO);
		if (!lineKind) {
			throw BangfuException.badField("lineKind", "exits.settings.lineKindInvalid", s.lineKind());
		}
		if (s.transitionMonths() < 0 || s.transitionMonths() > 60 || s.followUpMonths() < 1 || s.followUpMonths() > 60
				|| s.followUpIntervalMonths() < 1 || s.followUpIntervalMonths() > 12) {
			throw BangfuException.badField("followUpMonths", "exits.settings.range");
		}
		store.save(actor.organisationId(), s, actor.login());
		audit.record("exits.settings.save", "organisation", actor.organisationId(),
				Map.of("lineKind", s.lineKind(), "transitionMonths", s.transitionMonths(), "followUpMonths", s.followUpMonths(),
						"followUpIntervalMonths", s.followUpIntervalMonths()));
		return store.of(actor.organisationId());
	}

}

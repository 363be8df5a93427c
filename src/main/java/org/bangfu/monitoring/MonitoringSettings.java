package org.bangfu.monitoring;

import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.monitoring.internal.SettingStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organisation's monitoring deadlines (its own, else its nearest ancestor's, else 15 working days and 7 days). */
@Service
public class MonitoringSettings {

	private final SettingStore store;

	private final AuditLog audit;

	MonitoringSettings(SettingStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	public MonitoringSetting of(long organisationId) {
		return store.of(organisationId);
	}

	@Transactional
	public MonitoringSetting save(Actor actor, Integer measureDays, boolean workingDays, Integer screeningDays) {
		if (measureDays == null || measureDays < 1 || measureDays > 365) {
			throw BangfuException.badField("measureDays", "monitoring.setting.days");
		}
		if (screeningDays == null || screeningDays < 1 || screeningDays > 365) {
			throw BangfuException.badField("screeningDays", "monitoring.setting.days");
		}
		store.save(actor.organisationId(), measureDays, workingDays, screeningDays, actor.login());
		audit.record("monitoring.setting.save", "organisation", actor.organisationId(),
				Map.of("measureDays", measureDays, "workingDays", workingDays, "screeningDays", screeningDays));
		return store.of(actor.organisationId());
	}

}

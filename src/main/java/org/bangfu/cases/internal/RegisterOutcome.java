package org.bangfu.cases.internal;

import java.time.LocalDate;

import org.bangfu.cases.CaseView;
import org.bangfu.registry.HouseholdCommands.ExitHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.ReopenHousehold;
import org.bangfu.registry.HouseholdCommands.UpdateHousehold;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where an approved case changes the register, through the register's façade, in
 * the approval's transaction (a refusal by the register undoes the approval). Returns a short
 * note of what was applied, kept on the case.
 * <ul>
 * <li>new filing: a draft household is filed (claiming its members); one filed already stays.</li>
 * <li>exit: the household is marked exited (已脱困) with the case's exit date.</li>
 * <li>change: the file's household-level facts become the ones proposed in the case.</li>
 * <li>reopen: a closed or exited file is reopened (exited: it relapsed; its members are still its own).</li>
 * <li>assistance: nothing in the register (payment comes with the programs module).</li>
 * </ul>
 */
@Component
public class RegisterOutcome {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final HouseholdRegistry registry;

	RegisterOutcome(HouseholdRegistry registry) {
		this.registry = registry;
	}

	public String apply(Scope scope, CaseView c, LocalDate effectiveDate) {
		HouseholdView h = registry.find(scope, c.householdId())
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", c.householdId()));
		return switch (c.type()) {
			case NEW_FILING -> fileHousehold(scope, h);
			case EXIT -> exitHousehold(scope, h, c.exitDate() == null ? effectiveDate : c.exitDate());
			case CHANGE -> changeFile(scope, h, c.changeData());
			case REOPEN -> reopen(scope, h);
			case ASSISTANCE -> "assistance";
		};
	}

	private String fileHousehold(Scope scope, HouseholdView h) {
		if (h.status() == HouseholdStatus.DRAFT) {
			registry.fileDraft(scope, h.id());
			return "filed";
		}
		if (h.status() != HouseholdStatus.FILED) {
			throw BangfuException.badField("householdId", "cases.household.wrongStatus", h.fileNo());
		}
		return "filed";
	}

	private String exitHousehold(Scope scope, HouseholdView h, LocalDate exitDate) {
		if (h.status() != HouseholdStatus.FILED) {
			throw BangfuException.badField("householdId", "cases.household.wrongStatus", h.fileNo());
		}
		registry.exit(scope, h.id(), new ExitHousehold(exitDate, "case"));
		return "exited " + exitDate;
	}

	private String changeFile(Scope scope, HouseholdView h, String changeJson) {
		if (changeJson == null) {
			return "no change proposed";
		}
		HouseholdData data = JSON.readValue(changeJson, HouseholdData.class);
		HouseholdView after = registry.update(scope, h.id(), new UpdateHousehold(h.version(), data));
		return "file updated to version " + after.version();
	}

	private String reopen(Scope scope, HouseholdView h) {
		if (h.status() == HouseholdStatus.CLOSED || h.status() == HouseholdStatus.EXITED) {
			registry.reopen(scope, h.id(), new ReopenHousehold(null));
			return "reopened";
		}
		return "status " + h.status().name();
	}

}

package org.bangfu.cases.web;

import org.bangfu.cases.ChainCommands.UpdateChain;
import org.bangfu.cases.ChainView;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;

/**
 * A chain's settings form as typed (the notice period as text, so a wrong entry comes back next
 * to its field); a checkbox left unticked is sent as nothing and means no.
 */
public record ChainSettingsForm(Integer version, String noticeDays, Boolean noticeWorkingDays, Boolean active,
		Boolean defaultChain) {

	static ChainSettingsForm of(ChainView chain) {
		return new ChainSettingsForm(chain.version(), String.valueOf(chain.noticeDays()), chain.noticeWorkingDays(),
				chain.active(), chain.defaultChain());
	}

	UpdateChain command(String chainName) {
		if (version == null) {
			throw new BangfuException(Problem.CONFLICT, "cases.chain.stale", chainName);
		}
		return new UpdateChain(version, days(), Boolean.TRUE.equals(noticeWorkingDays), Boolean.TRUE.equals(active),
				Boolean.TRUE.equals(defaultChain));
	}

	private int days() {
		try {
			int n = Integer.parseInt(noticeDays == null ? "" : noticeDays.strip());
			if (n >= 1 && n <= 60) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw BangfuException.badField("noticeDays", "cases.chain.noticeDays.range");
	}

}

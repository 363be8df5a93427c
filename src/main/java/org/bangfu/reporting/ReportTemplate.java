package org.bangfu.reporting;

import java.util.List;
import java.util.Locale;

import org.bangfu.reporting.ReportPeriod.PeriodKind;

/**
 * A report template as data: its figures, breakdown (NONE, or SUBMITTER: the receiving level's report lists and
 * sums the reports submitted to it), period, deadline rule (DATE:MM-DD in the period's last year, or WORKDAY:n,
 * the n-th working day after the period), which organisations submit (an organisation type, or every organisation
 * under the root) to their parent, whether figures may be edited with a reason, and how many days before the
 * deadline a reminder goes out.
 */
public record ReportTemplate(String code, String nameZh, String nameEn, List<String> figures, String breakdown,
		PeriodKind period, String deadline, String submitterType, boolean editable, int remindDays) {

	public String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

	public boolean rollsUp() {
		return "SUBMITTER".equals(breakdown);
	}

}

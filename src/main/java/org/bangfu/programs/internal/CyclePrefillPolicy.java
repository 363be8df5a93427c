package org.bangfu.programs.internal;

import java.time.LocalDate;
import java.time.YearMonth;

import org.bangfu.programs.NewCycle;
import org.bangfu.programs.ProgramView;
import org.bangfu.programs.ScheduleOccurrence;
import org.bangfu.programs.ScheduleSpec;

/**
 * The cycle a scheduled program's next date suggests: a monthly program pays for its month (key
 * 2026-08), a quarterly one for its quarter (2026-Q3), any other (a date, a month, a lunar date)
 * once a year (key 2026) for the month it falls in; paid by the occurrence's pay-by date.
 */
public final class CyclePrefillPolicy {

	private CyclePrefillPolicy() {
	}

	public static NewCycle prefill(ProgramView p, ScheduleSpec spec, ScheduleOccurrence next) {
		LocalDate d = next.date();
		LocalDate pay = next.payBy() == null ? d : next.payBy();
		String name = p.content().nameZh();
		if (spec instanceof ScheduleSpec.Monthly) {
			YearMonth m = YearMonth.from(d);
			return new NewCycle(p.id(), name + " " + m, m.toString(), m.atDay(1), m.atEndOfMonth(), pay);
		}
		if (spec instanceof ScheduleSpec.Quarterly) {
			int q = (d.getMonthValue() - 1) / 3 + 1;
			LocalDate from = LocalDate.of(d.getYear(), (q - 1) * 3 + 1, 1);
			String key = d.getYear() + "-Q" + q;
			return new NewCycle(p.id(), name + " " + key, key, from, YearMonth.from(from.plusMonths(2)).atEndOfMonth(), pay);
		}
		YearMonth m = YearMonth.from(d);
		String key = String.valueOf(d.getYear());
		return new NewCycle(p.id(), name + " " + key, key, m.atDay(1), m.atEndOfMonth(), pay);
	}

}

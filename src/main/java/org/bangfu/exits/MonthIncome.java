package org.bangfu.exits;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month of a household's income as a proposal shows it: per capita (rounded to fen for showing only) and whether it was above the line. */
public record MonthIncome(YearMonth month, BigDecimal perCapita, boolean above) {
}

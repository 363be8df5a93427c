package org.bangfu.monitoring;

import java.time.LocalDate;

/** A measure taken for a monitored household: kind, who is responsible, the date, a note, and whether it was carried out. */
public record NewMeasure(MeasureKind kind, String responsible, LocalDate on, String note, boolean carriedOut) {
}

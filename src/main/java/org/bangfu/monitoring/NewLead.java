package org.bangfu.monitoring;

/** A lead for a household (from a visit, a complaint, a cross-check finding or the family) with its kind and a note. */
public record NewLead(long householdId, MonitoredKind kind, LeadSource source, String note) {
}

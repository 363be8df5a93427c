package org.bangfu.reporting;

import java.time.LocalDate;

/** A reminder shown on the home page of an organisation's users: a report is due and not yet submitted. */
public record Notification(long id, String templateCode, String templateName, String periodKey, LocalDate dueOn) {
}

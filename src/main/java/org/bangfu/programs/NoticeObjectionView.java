package org.bangfu.programs;

import java.time.Instant;

/** An objection to a roster notice sent from the public page: the row it concerns (masked name), who (optional) and what. */
public record NoticeObjectionView(long id, int rowNo, String rowName, String name, String contact, String text,
		Instant receivedAt) {

}

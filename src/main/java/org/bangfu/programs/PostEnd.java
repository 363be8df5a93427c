package org.bangfu.programs;

import java.time.LocalDate;

/** A person leaves a post: the last day in post, the reason, and the version of the post as read. */
public record PostEnd(LocalDate lastDay, String reason, int version) {
}

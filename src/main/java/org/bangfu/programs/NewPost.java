package org.bangfu.programs;

import java.time.LocalDate;

/**
 * A post to register: the person by real name and 18-digit ID number (a member of a household in
 * the register), the post, the place and its tier (1 to 5), the first day in post, optionally the
 * last, and the salary account the subsidy is paid to.
 */
public record NewPost(String idNumber, String name, String postName, String place, Integer tier, LocalDate from,
		LocalDate to, String bankName, String account) {
}

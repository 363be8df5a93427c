package org.bangfu.programs.internal.posts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

import org.bangfu.programs.NewPost;
import org.bangfu.programs.internal.payout.PayoutPolicy;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;

/**
 * The rules of the post register: what a post must hold, when a person may leave it, and what a
 * month pays. A month pays the tier's monthly amount for a whole month in post; a partial month
 * (starting or leaving within it) pays pro rata by calendar days in post, monthly × days ÷ days of
 * the month, rounded once to the fen (half up). Nothing is paid from the day after the last day in
 * post. The roster's SQL ({@code PostRosterSql}) computes the same.
 */
public final class PostPolicy {

	public static final int MAX_TIER = 5;

	private PostPolicy() {
	}

	/** A post's fields checked and normalised (the person not yet looked up). */
	public record Checked(IdNumber id, String name, String postName, String place, int tier, LocalDate from, LocalDate to,
			String bankName, String account) {
	}

	/** Checks every field of a post to register, the first problem thrown. */
	public static Checked check(NewPost p, LocalDate today) {
		IdNumber id = IdNumber.parse("idNumber", p.idNumber(), today);
		String name = text("name", p.name(), 50);
		String postName = text("postName", p.postName(), 100);
		String place = text("place", p.place(), 100);
		int tier = tier(p.tier());
		dates(p.from(), p.to());
		return new Checked(id, name, postName, place, tier, p.from(), p.to(), PayoutPolicy.name("bankName", p.bankName()),
				PayoutPolicy.account(p.account()));
	}

	public static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw BangfuException.badField(field, "posts." + field + ".required");
		}
		if (value.strip().length() > max) {
			throw BangfuException.badField(field, "posts.text.tooLong", max);
		}
		return value.strip();
	}

	public static int tier(Integer tier) {
		if (tier == null || tier < 1 || tier > MAX_TIER) {
			throw BangfuException.badField("tier", "posts.tier.invalid", MAX_TIER);
		}
		return tier;
	}

	public static void dates(LocalDate from, LocalDate to) {
		if (from == null) {
			throw BangfuException.badField("from", "posts.from.required");
		}
		if (to != null && to.isBefore(from)) {
			throw BangfuException.badField("to", "posts.to.beforeFrom", from);
		}
	}

	/** A monthly amount in yuan (more than zero, at most two decimals) as fen. */
	public static long monthlyFen(BigDecimal yuan) {
		if (yuan == null || yuan.signum() <= 0) {
			throw BangfuException.badField("amount", "posts.tier.amount.positive");
		}
		if (yuan.stripTrailingZeros().scale() > 2) {
			throw BangfuException.badField("amount", "money.decimals", yuan.toPlainString());
		}
		return yuan.movePointRight(2).longValueExact();
	}

	/** The fen a month pays for a post held from {@code from} to {@code to} (null: still in post). */
	public static long monthFen(long monthlyFen, YearMonth month, LocalDate from, LocalDate to) {
		LocalDate first = from.isAfter(month.atDay(1)) ? from : month.atDay(1);
		LocalDate last = to == null || to.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : to;
		if (last.isBefore(first)) {
			return 0;
		}
		long days = last.toEpochDay() - first.toEpochDay() + 1;
		if (days == month.lengthOfMonth()) {
			return monthlyFen;
		}
		return BigDecimal.valueOf(monthlyFen)
			.multiply(BigDecimal.valueOf(days))
			.divide(BigDecimal.valueOf(month.lengthOfMonth()), 0, RoundingMode.HALF_UP)
			.longValueExact();
	}

}

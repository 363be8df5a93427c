package org.bangfu.funds.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;

/** The ledger's rules, as pure functions: balanced postings, amounts in fen, draws on restricted money first. */
public final class LedgerPolicy {

	private LedgerPolicy() {
	}

	/** Refuses a posting whose debits and credits differ, or that has no entries or a zero entry. */
	public static void balanced(List<Entry> entries) {
		long sum = 0;
		for (Entry e : entries) {
			if (e.amountFen() == 0) {
				throw new IllegalArgumentException("A ledger entry of zero fen");
			}
			sum = Math.addExact(sum, e.amountFen());
		}
		if (entries.size() < 2 || sum != 0) {
			throw new IllegalStateException("Unbalanced posting: " + sum + " fen over " + entries.size() + " entries");
		}
	}

	/** An amount in yuan (at most 2 decimals, above zero) as fen. */
	public static long fen(String field, BigDecimal yuan) {
		if (yuan == null) {
			throw BangfuException.badField(field, "funds.amount.required");
		}
		if (yuan.signum() <= 0 || yuan.stripTrailingZeros().scale() > 2) {
			throw BangfuException.badField(field, "funds.amount.invalid");
		}
		if (yuan.compareTo(BigDecimal.valueOf(10_000_000_000L)) >= 0) {
			throw BangfuException.badField(field, "funds.amount.tooLarge");
		}
		return yuan.movePointRight(2).longValueExact();
	}

	/** Fen as yuan with 2 decimals (for messages). */
	public static String yuan(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

	/**
	 * The split of a commitment of total fen between the money restricted to the program and the
	 * free money: restricted first. Refused (overspend) when both together do not cover it.
	 */
	public static long[] draw(long total, long restrictedAvailable, long freeAvailable, String fundName) {
		long r = Math.min(total, Math.max(0, restrictedAvailable));
		long u = total - r;
		if (u > Math.max(0, freeAvailable)) {
			throw new BangfuException(Problem.CONFLICT, "funds.overspend.fund", fundName, yuan(total),
					yuan(Math.max(0, restrictedAvailable) + Math.max(0, freeAvailable)));
		}
		return new long[] { r, u };
	}

	/** Refuses a commitment that would take the used part of a budget past its amount. */
	public static void withinBudget(long budgetFen, long usedFen, long total, String label) {
		if (usedFen + total > budgetFen) {
			throw new BangfuException(Problem.CONFLICT, "funds.overspend.budget", label, yuan(total),
					yuan(Math.max(0, budgetFen - usedFen)));
		}
	}

	/** A released amount goes back to the restricted money first, up to what the cycle still holds of it. */
	public static long[] release(long amount, long restrictedHeld) {
		long r = Math.min(amount, Math.max(0, restrictedHeld));
		return new long[] { r, amount - r };
	}

	/** The entries reversing a posting's: every amount negated. */
	public static List<Entry> reversed(List<Entry> entries) {
		List<Entry> out = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			out.add(new Entry(e.fundId(), e.organisationId(), e.account(), e.purpose(), e.programCode(), e.cycleId(),
					e.reference(), -e.amountFen()));
		}
		return out;
	}

}

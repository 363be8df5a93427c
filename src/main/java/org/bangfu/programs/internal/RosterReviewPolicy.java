package org.bangfu.programs.internal;

import java.math.BigDecimal;
import java.util.Objects;

import org.bangfu.programs.RosterLineView;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;

/**
 * The review rules of a roster: a line's new amount stays within what its rule allows (a range
 * line between its ends, any other line between a fen and what the rule gave it, caps applied);
 * whoever submitted the roster or edited or removed one of its lines does not approve it.
 */
public final class RosterReviewPolicy {

	private RosterReviewPolicy() {
	}

	/** The new amount in fen, or a failure on field {@code amount}. */
	public static long amount(RosterLineView line, BigDecimal yuan) {
		if (yuan == null || yuan.scale() > 2 && yuan.stripTrailingZeros().scale() > 2) {
			throw BangfuException.badField("amount", "programs.line.amount.decimals");
		}
		long fen = yuan.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
		long min = line.range() && line.rangeMinFen() != null ? line.rangeMinFen() : 1;
		if (fen < min || fen > line.maxFen()) {
			throw BangfuException.badField("amount", "programs.line.amount.outOfRange",
					org.bangfu.shared.Money.of(BigDecimal.valueOf(min, 2)).format(),
					org.bangfu.shared.Money.of(BigDecimal.valueOf(line.maxFen(), 2)).format());
		}
		return fen;
	}

	public static void fourEyes(long actorId, Long submittedBy, boolean editedALine) {
		if (Objects.equals(actorId, submittedBy)) {
			throw new BangfuException(Problem.FORBIDDEN, "programs.fourEyes.submitter");
		}
		if (editedALine) {
			throw new BangfuException(Problem.FORBIDDEN, "programs.fourEyes.editor");
		}
	}

}

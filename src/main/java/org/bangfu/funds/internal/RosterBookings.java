package org.bangfu.funds.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.programs.BankBatchIssued;
import org.bangfu.programs.BankBatchKind;
import org.bangfu.programs.BankReturnReconciled;
import org.bangfu.programs.BatchLineAmount;
import org.bangfu.programs.PaymentFailure;
import org.bangfu.programs.Payouts;
import org.bangfu.programs.RosterApproved;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Books the programs' money in the ledger, synchronously in the publisher's transaction so that a
 * refusal rolls the approval (or the re-issue) back: an approved roster commits its total to the
 * fund with the program's fund code (of the cycle's organisation or its nearest ancestor), a
 * follow-up batch recommits the re-issued lines, a bank return spends the paid lines and
 * releases the failed ones. A roster whose program names no fund, or a fund not opened, is not booked.
 */
@Component
class RosterBookings {

	private final FundStore funds;

	private final LedgerStore ledger;

	private final Bookings bookings;

	private final Payouts payouts;

	private final BusinessClock clock;

	RosterBookings(FundStore funds, LedgerStore ledger, Bookings bookings, Payouts payouts, BusinessClock clock) {
		this.funds = funds;
		this.ledger = ledger;
		this.bookings = bookings;
		this.payouts = payouts;
		this.clock = clock;
	}

	@EventListener
	void on(RosterApproved e) {
		if (e.fundCode() == null || e.fundCode().isBlank() || e.totalFen() <= 0) {
			return;
		}
		funds.nearest(e.organisationId(), e.fundCode().strip())
			.ifPresent(f -> bookings.commit(f, e.programCode(), e.cycleId(), e.totalFen(), "COMMIT", Map.of(), clock.today(),
					login()));
	}

	@EventListener
	void on(BankBatchIssued e) {
		if (e.kind() != BankBatchKind.PAYMENT || e.followUpOf() == null) {
			return;
		}
		byCycle(payouts.batchLineAmounts(e.batchId()), null).forEach((cycle, lines) -> ledger.fundOfCycle(cycle)
			.ifPresent(fund -> bookings.commit(funds.find(fund), ledger.programOfCycle(cycle), cycle, sum(lines), "RECOMMIT",
					lines, clock.today(), login())));
	}

	@EventListener
	void on(BankReturnReconciled e) {
		List<BatchLineAmount> lines = payouts.batchLineAmounts(e.batchId());
		Set<Long> failed = e.failedReferences().stream().map(PaymentFailure::reference).collect(Collectors.toSet());
		byCycle(lines, Set.copyOf(e.paidReferences())).forEach((cycle, paid) -> ledger.fundOfCycle(cycle)
			.ifPresent(fund -> bookings.spend(funds.find(fund), ledger.programOfCycle(cycle), cycle, paid, clock.today(),
					login())));
		byCycle(lines, failed).forEach((cycle, gone) -> ledger.fundOfCycle(cycle)
			.ifPresent(fund -> bookings.release(funds.find(fund), ledger.programOfCycle(cycle), cycle, gone, clock.today(),
					login())));
	}

	private static Map<Long, Map<Long, Long>> byCycle(List<BatchLineAmount> lines, Set<Long> only) {
		Map<Long, Map<Long, Long>> out = new LinkedHashMap<>();
		for (BatchLineAmount l : lines) {
			if (only == null || only.contains(l.reference())) {
				out.computeIfAbsent(l.cycleId(), c -> new LinkedHashMap<>()).put(l.reference(), l.amountFen());
			}
		}
		return out;
	}

	private static long sum(Map<Long, Long> lines) {
		return lines.values().stream().mapToLong(Long::longValue).sum();
	}

	private static String login() {
		return Actor.current().map(Actor::login).orElse("system");
	}

}

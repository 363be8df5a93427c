package org.bangfu.funds.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.funds.BudgetView;
import org.springframework.stereotype.Component;

/**
 * Writes the ledger's postings: money received, a roster's commitment (restricted money of the
 * program first; refused past the fund's money or a binding budget, under a lock on the fund's
 * row), spending and release of paid and failed lines, the top-up of a revolving fund, transfers
 * between funds. Callers hold the transaction.
 */
@Component
public class Bookings {

	private final LedgerStore ledger;

	private final FundStore funds;

	private final BudgetStore budgets;

	Bookings(LedgerStore ledger, FundStore funds, BudgetStore budgets) {
		this.ledger = ledger;
		this.funds = funds;
		this.budgets = budgets;
	}

	/** Money (or goods at their value) received into the fund, restricted to a program when purpose is set. */
	public long receive(FundRow f, String kind, long fen, boolean goods, String purpose, LocalDate on, String memo,
			String login) {
		List<Entry> entries = goods ? List.of(Entry.of(f, "GOODS", fen), Entry.of(f, "SOURCE", -fen))
				: List.of(Entry.available(f, purpose, fen), Entry.of(f, "SOURCE", -fen));
		return ledger.post(new Posting(kind, on, f.organisationId(), null, null, memo, entries), login);
	}

	/** Commits (or recommits) a cycle's money of a program: refused when the fund or a binding budget cannot cover it. */
	public long commit(FundRow f, String program, long cycleId, long total, String kind, Map<Long, Long> byReference,
			LocalDate on, String login) {
		funds.lock(f.id());
		long[] draw = LedgerPolicy.draw(total, ledger.available(f.id(), program), ledger.available(f.id(), null), f.name());
		for (BudgetView b : budgets.binding(f.id(), program, on.getYear())) {
			LedgerPolicy.withinBudget(b.amountFen(), ledger.used(f.id(), b.programCode(), on.getYear()), total,
					b.year() + " " + f.name() + (b.programCode() == null ? "" : " · " + b.programCode()));
		}
		List<Entry> entries = new ArrayList<>();
		if (draw[0] > 0) {
			entries.add(Entry.available(f, program, -draw[0]).forCycle(program, cycleId, null));
		}
		if (draw[1] > 0) {
			entries.add(Entry.available(f, null, -draw[1]).forCycle(program, cycleId, null));
		}
		if (byReference.isEmpty()) {
			entries.add(Entry.of(f, "COMMITTED", total).forCycle(program, cycleId, null));
		}
		else {
			byReference.forEach((ref, fen) -> entries.add(Entry.of(f, "COMMITTED", fen).forCycle(program, cycleId, ref)));
		}
		return ledger.post(new Posting(kind, on, f.organisationId(), cycleId, null, "", entries), login);
	}

	/** Paid lines of a cycle: committed money becomes spent, line by line; a revolving fund is topped up by as much. */
	public void spend(FundRow f, String program, long cycleId, Map<Long, Long> byReference, LocalDate on, String login) {
		List<Entry> entries = new ArrayList<>();
		long total = 0;
		for (Map.Entry<Long, Long> line : byReference.entrySet()) {
			entries.add(Entry.of(f, "COMMITTED", -line.getValue()).forCycle(program, cycleId, line.getKey()));
			entries.add(Entry.of(f, "SPENT", line.getValue()).forCycle(program, cycleId, line.getKey()));
			total += line.getValue();
		}
		ledger.post(new Posting("SPEND", on, f.organisationId(), cycleId, null, "", entries), login);
		if (f.topUpFrom() != null) {
			FundRow source = funds.find(f.topUpFrom());
			funds.lock(f.id(), source.id());
			long fen = Math.min(total, ledger.available(source.id(), null));
			if (fen > 0) {
				transfer(source, f, fen, "TOP_UP", on, "", login);
			}
		}
	}

	/** Failed lines of a cycle: committed money goes back to available, restricted money first as it was drawn. */
	public void release(FundRow f, String program, long cycleId, Map<Long, Long> byReference, LocalDate on, String login) {
		List<Entry> entries = new ArrayList<>();
		long total = 0;
		for (Map.Entry<Long, Long> line : byReference.entrySet()) {
			entries.add(Entry.of(f, "COMMITTED", -line.getValue()).forCycle(program, cycleId, line.getKey()));
			total += line.getValue();
		}
		long[] back = LedgerPolicy.release(total, ledger.restrictedHeld(cycleId));
		if (back[0] > 0) {
			entries.add(Entry.available(f, program, back[0]).forCycle(program, cycleId, null));
		}
		if (back[1] > 0) {
			entries.add(Entry.available(f, null, back[1]).forCycle(program, cycleId, null));
		}
		ledger.post(new Posting("RELEASE", on, f.organisationId(), cycleId, null, "", entries), login);
	}

	/** Moves free money from one fund to another (the caller checked the rules and locked both funds). */
	public long transfer(FundRow from, FundRow to, long fen, String kind, LocalDate on, String memo, String login) {
		return ledger.post(new Posting(kind, on, from.organisationId(), null, null, memo,
				List.of(Entry.available(from, null, -fen), Entry.available(to, null, fen))), login);
	}

}

package org.bangfu.funds;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.audit.AuditLog;
import org.bangfu.funds.internal.Bookings;
import org.bangfu.funds.internal.DonationStore;
import org.bangfu.funds.internal.FundRow;
import org.bangfu.funds.internal.LedgerPolicy;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donations received (社会捐赠, 募捐): a person or an organisation (anonymous donors' names are
 * kept but never shown), cash or goods at their value, the date, the receipt number (once per
 * fund) and the program the donation is restricted to, if any: restricted cash is available
 * only to that program's rosters.
 */
@Service
public class Donations {

	private final DonationStore store;

	private final Funds funds;

	private final Bookings bookings;

	private final AuditLog audit;

	private final BusinessClock clock;

	Donations(DonationStore store, Funds funds, Bookings bookings, AuditLog audit, BusinessClock clock) {
		this.store = store;
		this.funds = funds;
		this.bookings = bookings;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public DonationView record(Scope scope, NewDonation d) {
		if (d.fundId() == null) {
			throw BangfuException.badField("fundId", "funds.fund.required");
		}
		FundRow f = funds.row(scope, d.fundId());
		if (d.donorKind() == null || !Set.of("PERSON", "ORGANISATION").contains(d.donorKind())) {
			throw BangfuException.badField("donorKind", "funds.donation.donorKind");
		}
		String donor = d.donorName() == null ? "" : d.donorName().strip();
		if (donor.isEmpty() || donor.length() > 100) {
			throw BangfuException.badField("donorName", "funds.donation.donorName");
		}
		String form = d.form() == null ? "CASH" : d.form();
		if (!Set.of("CASH", "GOODS").contains(form)) {
			throw BangfuException.badField("form", "funds.donation.form");
		}
		String goods = d.goods() == null || d.goods().isBlank() ? null : d.goods().strip();
		if ("GOODS".equals(form) && (goods == null || goods.length() > 200)) {
			throw BangfuException.badField("goods", "funds.donation.goods");
		}
		long fen = LedgerPolicy.fen("amount", d.amount());
		if (d.receivedOn() == null || d.receivedOn().isAfter(clock.today())) {
			throw BangfuException.badField("receivedOn", "funds.donation.receivedOn");
		}
		String receipt = d.receiptNo() == null ? "" : d.receiptNo().strip();
		if (receipt.isEmpty() || receipt.length() > 40) {
			throw BangfuException.badField("receiptNo", "funds.donation.receiptNo");
		}
		if (store.receiptTaken(f.id(), receipt)) {
			throw BangfuException.badField("receiptNo", "funds.donation.receiptTaken", receipt);
		}
		String purpose = d.purpose() == null || d.purpose().isBlank() ? null : d.purpose().strip();
		if (purpose != null && purpose.length() > 40) {
			throw BangfuException.badField("purpose", "funds.program.invalid");
		}
		String login = Actor.require().login();
		long posting = bookings.receive(f, "DONATION", fen, "GOODS".equals(form), purpose, d.receivedOn(),
				"receipt " + receipt, login);
		long id = store.insert(new DonationStore.Row(f.id(), d.donorKind(), donor, d.anonymous(), "GOODS".equals(form)
				? "GOODS" : "CASH", "GOODS".equals(form) ? goods : null, fen, d.receivedOn(), purpose, receipt, posting), login);
		audit.record("donation.record", "donation", id, Map.of("fund", f.code(), "fen", fen, "receipt", receipt,
				"purpose", purpose == null ? "" : purpose));
		return store.list(scope, f.id(), 0, 500).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
	}

	/** Donations of the caller's subtree (of one fund when given), newest first; anonymous donors without their name. */
	public List<DonationView> list(Scope scope, Long fundId, int offset, int limit) {
		List<DonationView> page = store.list(scope, fundId, Math.max(0, offset), Math.min(Math.max(1, limit), 500));
		audit.record("donations.view", "fund", fundId == null ? scope.organisationId() : fundId,
				Map.of("offset", offset, "donations", page.size()));
		return page;
	}

}

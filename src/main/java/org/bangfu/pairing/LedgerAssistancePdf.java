package org.bangfu.pairing;

import java.util.List;
import java.util.function.BiFunction;

import org.bangfu.platform.pdf.CjkPdf;

/** The ledger PDF's section of assistance received: each payment of a roster and each hand-over of goods or vouchers. */
final class LedgerAssistancePdf {

	private LedgerAssistancePdf() {
	}

	static void write(CjkPdf pdf, LedgerView l, BiFunction<String, Object[], String> t) {
		pdf.heading(t.apply("ledger.section.payments", new Object[0]));
		if (l.payments().isEmpty()) {
			pdf.paragraph(t.apply("ledger.none", new Object[0]));
		}
		else {
			pdf.table(List.of(t.apply("programs.cycle.program", new Object[0]), t.apply("programs.cycle.label", new Object[0]),
					t.apply("programs.payments.fund", new Object[0]), t.apply("programs.line.payee", new Object[0]), t.apply("programs.line.amount", new Object[0]),
					t.apply("programs.payment.status", new Object[0]), t.apply("programs.cycle.payDate", new Object[0])),
					l.payments().stream().map(p -> List.of(p.programName(), p.cycleLabel(), p.fundName() == null ? "" : p.fundName(), p.line().payeeName(),
							p.line().amountText(), t.apply(p.line().paymentStatusKey(), new Object[0]),
							p.payDate() == null ? "" : p.payDate().toString())).toList());
		}
		pdf.heading(t.apply("ledger.section.handovers", new Object[0]));
		if (l.handovers().isEmpty()) {
			pdf.paragraph(t.apply("ledger.none", new Object[0]));
		}
		else {
			pdf.table(List.of(t.apply("handover.col.item", new Object[0]), t.apply("handover.at", new Object[0]),
					t.apply("handover.outcome", new Object[0]), t.apply("handover.recipient", new Object[0]),
					t.apply("handover.deliveryPoint", new Object[0])),
					l.handovers().stream().map(h -> List.of(h.item(), h.handedAtText(), t.apply(h.outcome().messageKey(), new Object[0]),
							h.recipientText(), h.deliveryPoint() == null ? "" : h.deliveryPoint())).toList());
		}
	}

}

package org.bangfu.pairing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.bangfu.shared.BusinessTime;
import org.bangfu.audit.AuditLog;
import org.bangfu.pairing.PairingVocabulary.Indicator;
import org.bangfu.pairing.internal.AssistanceStore;
import org.bangfu.pairing.internal.PairingStore;
import org.bangfu.pairing.internal.VisitStore;
import org.bangfu.platform.pdf.CjkPdf;
import org.bangfu.programs.Handovers;
import org.bangfu.programs.Rosters;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger (一户一册) as a page model and as a printable A4 PDF with Chinese fonts, with the
 * payments and hand-overs of the programs module; every view and print is audited.
 */
@Service
public class Ledgers {

	private final HouseholdRegistry registry;

	private final PairingStore pairings;

	private final VisitStore visits;

	private final AssistanceStore assistance;

	private final Visits visitService;

	private final MessageSource messages;

	private final AuditLog audit;

	private final BusinessClock clock;

	private final Rosters rosters;

	private final Handovers handovers;

	Ledgers(HouseholdRegistry registry, PairingStore pairings, VisitStore visits, AssistanceStore assistance,
			Visits visitService, MessageSource messages, AuditLog audit, BusinessClock clock, Rosters rosters,
			Handovers handovers) {
		this.rosters = rosters;
		this.handovers = handovers;
		this.registry = registry;
		this.pairings = pairings;
		this.visits = visits;
		this.assistance = assistance;
		this.visitService = visitService;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** The ledger of a household in the caller's scope (audited as a view of personal data; masked for the caller's roles). */
	@Transactional
	public LedgerView ledger(Actor actor, long householdId) {
		HouseholdView h = registry.view(actor.scope(), householdId).forRoles(actor.roles());
		return new LedgerView(h, pairings.ofHousehold(householdId), visits.ofHousehold(householdId, 500),
				assistance.measures(householdId), assistance.agreements(householdId), assistance.confirmations(householdId),
				visitService.nextDue(actor.scope(), householdId).orElse(null), rosters.payments(actor.scope(), householdId),
				handovers.ofHousehold(actor.scope(), householdId));
	}

	/** The ledger as a PDF in the locale's language (audited as an export). */
	@Transactional
	public byte[] pdf(Actor actor, long householdId, Locale locale) {
		LedgerView l = ledger(actor, householdId);
		audit.record("ledger.pdf", "household", householdId, Map.of("fileNo", l.household().fileNo()));
		HouseholdView h = l.household();
		String header = h.organisationName() + " · " + t(locale, "ledger.printed", clock.today().toString());
		return CjkPdf.render(header, t(locale, "ledger.pdf.page"), pdf -> {
			pdf.title(t(locale, "ledger.pdf.title"));
			pdf.heading(t(locale, "ledger.section.summary"));
			pdf.field(t(locale, "ledger.fileNo"), h.fileNo());
			pdf.field(t(locale, "ledger.head"), h.headName());
			pdf.field(t(locale, "ledger.organisation"), h.organisationName());
			pdf.field(t(locale, "ledger.region"), (h.regionName() == null ? "" : h.regionName()) + " " + h.regionCode());
			pdf.field(t(locale, "ledger.address"), h.address());
			pdf.field(t(locale, "ledger.size"), String.valueOf(h.members().size()));
			pdf.field(t(locale, "ledger.mainCause"), h.mainCause() == null ? null : t(locale, "registry.cause." + h.mainCause()));
			pdf.field(t(locale, "ledger.categories"), h.categories().stream()
				.map(c -> t(locale, "registry.category." + c)).collect(Collectors.joining("、")));
			pdf.field(t(locale, "ledger.members"), h.members().stream()
				.map(m -> m.name() + "（" + t(locale, "registry.relation." + m.relation()) + "）").collect(Collectors.joining("、")));

			pdf.heading(t(locale, "ledger.section.pairings"));
			if (l.pairings().isEmpty()) {
				pdf.paragraph(t(locale, "ledger.none"));
			}
			else {
				pdf.table(List.of(t(locale, "pairing.col.cadre"), t(locale, "pairing.type"), t(locale, "pairing.startedOn"),
						t(locale, "pairing.plannedEndOn"), t(locale, "pairing.endedOn"), t(locale, "pairing.endReason")),
						l.pairings().stream().map(p -> List.of(p.cadreName(), t(locale, "pairing.type." + p.type()),
								str(p.startedOn()), str(p.plannedEndOn()), str(p.endedOn()),
								p.endReason() == null ? "" : t(locale, "pairing.endReason." + p.endReason()))).toList());
			}

			pdf.heading(t(locale, "ledger.section.visits"));
			if (l.visits().isEmpty()) {
				pdf.paragraph(t(locale, "ledger.none"));
			}
			for (VisitView v : l.visits()) {
				pdf.paragraph(v.visitedOn() + " · " + t(locale, "visit.kind." + v.kind()) + " · " + v.visitors());
				pdf.field(t(locale, "visit.findings"), v.findings());
				pdf.field(t(locale, "visit.problems"), v.problems());
				pdf.field(t(locale, "visit.measuresAgreed"), v.measuresAgreed());
				if (v.checklist().anyChecked()) {
					List<String> items = new ArrayList<>();
					for (Indicator i : Indicator.values()) {
						Boolean b = v.checklist().get(i);
						items.add(t(locale, "visit.indicator." + i) + "："
								+ t(locale, b == null ? "visit.check.unknown" : b ? "visit.check.yes" : "visit.check.no"));
					}
					pdf.field(t(locale, "visit.checklist"), String.join("；", items));
				}
				if (!v.photos().isEmpty()) {
					pdf.field(t(locale, "visit.photos"), t(locale, "ledger.photoCount", v.photos().size()));
				}
			}

			pdf.heading(t(locale, "ledger.section.measures"));
			if (l.measures().isEmpty()) {
				pdf.paragraph(t(locale, "ledger.none"));
			}
			else {
				pdf.table(List.of(t(locale, "measure.type"), t(locale, "measure.before"), t(locale, "measure.after"),
						t(locale, "measure.owner"), t(locale, "measure.dueOn"), t(locale, "measure.status"), t(locale, "measure.result")),
						l.measures().stream().map(m -> List.of(t(locale, "measure.type." + m.type()), m.beforeState(),
								m.targetAfter(), m.owner(), str(m.dueOn()), t(locale, "measure.status." + m.status()),
								m.result() == null ? "" : m.result())).toList());
			}

			pdf.heading(t(locale, "ledger.section.agreements"));
			if (l.agreements().isEmpty()) {
				pdf.paragraph(t(locale, "ledger.none"));
			}
			for (AgreementView a : l.agreements()) {
				pdf.paragraph(a.title() + " · " + a.periodFrom() + (a.periodTo() == null ? "" : " — " + a.periodTo()));
				pdf.table(List.of("#", t(locale, "agreement.clause"), t(locale, "measure.owner"), t(locale, "measure.dueOn"),
						t(locale, "measure.status")), a.clauses().stream().map(c -> List.of(String.valueOf(c.position()),
								c.text(), c.owner(), str(c.dueOn()), t(locale, "agreement.clause.status." + c.status()))).toList());
				pdf.paragraph(a.signed() ? t(locale, "agreement.signed." + a.signedHow(), a.signedByHead(),
						BusinessTime.date(a.signedAt()))
						: t(locale, "agreement.unsigned"));
			}

			LedgerAssistancePdf.write(pdf, l, (key, args) -> t(locale, key, args));

			pdf.heading(t(locale, "ledger.section.confirmations"));
			if (l.confirmations().isEmpty()) {
				pdf.paragraph(t(locale, "ledger.none"));
			}
			for (LedgerConfirmation c : l.confirmations()) {
				pdf.paragraph(t(locale, "ledger.confirmation", c.periodFrom(), c.periodTo(), c.headName(),
						BusinessTime.date(c.confirmedAt())));
			}
			pdf.signatures(t(locale, "ledger.sign.date"), t(locale, "ledger.sign.head"), t(locale, "ledger.sign.cadre"));
		});
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static String str(Object o) {
		return o == null ? "" : o.toString();
	}

}

package org.bangfu.pairing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.pairing.AssistanceCommands.AddAgreement;
import org.bangfu.pairing.AssistanceCommands.AddMeasure;
import org.bangfu.pairing.AssistanceCommands.ConfirmLedger;
import org.bangfu.pairing.AssistanceCommands.UpdateMeasure;
import org.bangfu.pairing.PairingVocabulary.ClauseStatus;
import org.bangfu.pairing.PairingVocabulary.MeasureStatus;
import org.bangfu.pairing.PairingVocabulary.SignedHow;
import org.bangfu.pairing.internal.AssistanceStore;
import org.bangfu.pairing.internal.PhotoStore;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures (帮扶措施, plan 5: state before and target after both required), assistance
 * agreements (plan 1: clauses with owner, due date and status; signed by an uploaded page or
 * the head's on-screen confirmation) and the head's confirmation of a ledger period. The same
 * people who record visits record these (see {@link Visits#requireRecordable}).
 */
@Service
public class Assistance {

	private final AssistanceStore store;

	private final Visits visits;

	private final PhotoStore files;

	private final AuditLog audit;

	private final BusinessClock clock;

	Assistance(AssistanceStore store, Visits visits, PhotoStore files, AuditLog audit, BusinessClock clock) {
		this.store = store;
		this.visits = visits;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public MeasureView addMeasure(Actor actor, AddMeasure cmd) {
		HouseholdView h = visits.requireRecordable(actor, cmd.householdId());
		if (cmd.beforeState() == null || cmd.beforeState().isBlank()) {
			throw BangfuException.badField("beforeState", "measure.before.required");
		}
		if (cmd.targetAfter() == null || cmd.targetAfter().isBlank()) {
			throw BangfuException.badField("targetAfter", "measure.after.required");
		}
		if (cmd.owner() == null || cmd.owner().isBlank()) {
			throw BangfuException.badField("owner", "measure.owner.required");
		}
		if (cmd.visitId() != null && visits.visit(actor.scope(), cmd.visitId()).householdId() != h.id()) {
			throw BangfuException.badField("visitId", "measure.visit.otherHousehold");
		}
		long id = store.insertMeasure(cmd, h.organisationId(), actor.login());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("householdId", h.id());
		detail.put("type", cmd.type().name());
		detail.put("before", cmd.beforeState());
		detail.put("target", cmd.targetAfter());
		audit.record("measure.create", "measure", id, detail);
		return store.measure(id).orElseThrow();
	}

	@Transactional
	public MeasureView updateMeasure(Actor actor, long id, UpdateMeasure cmd) {
		MeasureView before = measure(actor, id);
		visits.requireRecordable(actor, before.householdId());
		if (cmd.status() == MeasureStatus.DONE && (cmd.result() == null || cmd.result().isBlank())) {
			throw BangfuException.badField("result", "measure.result.required");
		}
		store.updateMeasure(id, cmd.status(), cmd.result() == null || cmd.result().isBlank() ? null : cmd.result().trim(), actor.login());
		MeasureView after = store.measure(id).orElseThrow();
		audit.record("measure.update", "measure", id, Map.of("before", before.status().name(), "after", after.status().name()));
		return after;
	}

	public MeasureView measure(Actor actor, long id) {
		MeasureView m = store.measure(id).orElseThrow(() -> BangfuException.notFound("measure.notFound", id));
		visits.ofHousehold(actor.scope(), m.householdId()); // scope check: not found outside
		return m;
	}

	public List<MeasureView> measures(Actor actor, long householdId) {
		visits.ofHousehold(actor.scope(), householdId);
		return store.measures(householdId);
	}

	@Transactional
	public AgreementView addAgreement(Actor actor, AddAgreement cmd) {
		HouseholdView h = visits.requireRecordable(actor, cmd.householdId());
		if (cmd.clauses() == null || cmd.clauses().isEmpty()) {
			throw BangfuException.badField("clauses", "agreement.clause.required");
		}
		LocalDate from = cmd.periodFrom() == null ? clock.today() : cmd.periodFrom();
		if (cmd.periodTo() != null && cmd.periodTo().isBefore(from)) {
			throw BangfuException.badField("periodTo", "agreement.period.order");
		}
		long id = store.insertAgreement(h.id(), h.organisationId(), cmd.title(), from, cmd.periodTo(), cmd.clauses(), actor.login());
		audit.record("agreement.create", "agreement", id, Map.of("householdId", h.id(), "clauses", cmd.clauses().size()));
		return store.agreement(id).orElseThrow();
	}

	/** The head of household confirms the agreement on screen; the name typed must be the head's. */
	@Transactional
	public AgreementView signOnScreen(Actor actor, long agreementId, String headName) {
		AgreementView a = agreement(actor, agreementId);
		HouseholdView h = visits.requireRecordable(actor, a.householdId());
		String typed = headName == null ? "" : headName.trim();
		if (typed.isEmpty() || !typed.equals(h.headName())) {
			throw BangfuException.badField("headName", "agreement.head.mismatch");
		}
		if (!store.sign(agreementId, SignedHow.ON_SCREEN, typed, null, null, actor.login())) {
			throw new BangfuException(Problem.CONFLICT, "agreement.signed.already");
		}
		audit.record("agreement.sign", "agreement", agreementId, Map.of("how", "ON_SCREEN", "head", typed));
		return store.agreement(agreementId).orElseThrow();
	}

	/** Records the uploaded signed page (a PDF or an image, checked by content). */
	@Transactional
	public AgreementView signByUpload(Actor actor, long agreementId, byte[] content) {
		AgreementView a = agreement(actor, agreementId);
		HouseholdView h = visits.requireRecordable(actor, a.householdId());
		if (content == null || content.length == 0) {
			throw BangfuException.badField("file", "agreement.file.required");
		}
		PhotoStore.Stored stored = files.storeDocument(content, "file");
		if (!store.sign(agreementId, SignedHow.UPLOAD, h.headName(), stored.path(), stored.contentType(), actor.login())) {
			throw new BangfuException(Problem.CONFLICT, "agreement.signed.already");
		}
		audit.record("agreement.sign", "agreement", agreementId, Map.of("how", "UPLOAD", "bytes", stored.bytes()));
		return store.agreement(agreementId).orElseThrow();
	}

	@Transactional
	public AgreementView setClauseStatus(Actor actor, long clauseId, ClauseStatus status) {
		long agreementId = store.agreementOfClause(clauseId)
			.orElseThrow(() -> BangfuException.notFound("agreement.clause.notFound", clauseId));
		AgreementView a = agreement(actor, agreementId);
		visits.requireRecordable(actor, a.householdId());
		store.setClauseStatus(clauseId, status, status == ClauseStatus.DONE ? clock.today() : null);
		audit.record("agreement.clause", "agreement", agreementId, Map.of("clauseId", clauseId, "status", status.name()));
		return store.agreement(agreementId).orElseThrow();
	}

	public AgreementView agreement(Actor actor, long id) {
		AgreementView a = store.agreement(id).orElseThrow(() -> BangfuException.notFound("agreement.notFound", id));
		visits.ofHousehold(actor.scope(), a.householdId());
		return a;
	}

	public List<AgreementView> agreements(Actor actor, long householdId) {
		visits.ofHousehold(actor.scope(), householdId);
		return store.agreements(householdId);
	}

	/** The signed page of an agreement (audited as a view). */
	@Transactional
	public Visits.StoredFile signedFile(Actor actor, long agreementId) {
		AgreementView a = agreement(actor, agreementId);
		String[] f = store.signedFile(agreementId).orElseThrow(() -> BangfuException.notFound("agreement.notFound", agreementId));
		audit.record("agreement.file.view", "household", a.householdId(), Map.of("agreementId", agreementId));
		return new Visits.StoredFile(files.resolve(f[0]), f[1]);
	}

	/** Records that the head of household confirmed the ledger for a period. */
	@Transactional
	public LedgerConfirmation confirmLedger(Actor actor, long householdId, ConfirmLedger cmd) {
		HouseholdView h = visits.requireRecordable(actor, householdId);
		if (cmd.periodTo().isBefore(cmd.periodFrom())) {
			throw BangfuException.badField("periodTo", "agreement.period.order");
		}
		String typed = cmd.headName() == null ? "" : cmd.headName().trim();
		if (!typed.equals(h.headName())) {
			throw BangfuException.badField("headName", "agreement.head.mismatch");
		}
		long id = store.insertConfirmation(householdId, cmd.periodFrom(), cmd.periodTo(), typed,
				cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().trim(), actor.login());
		audit.record("ledger.confirm", "household", householdId,
				Map.of("from", cmd.periodFrom().toString(), "to", cmd.periodTo().toString(), "head", typed));
		return store.confirmations(householdId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	public List<LedgerConfirmation> confirmations(Actor actor, long householdId) {
		visits.ofHousehold(actor.scope(), householdId);
		return store.confirmations(householdId);
	}

}
